// The SAML settings API: manual IdP fields, bad input answered 422, updates keeping the IdP
// settings, the SP private key never in an answer.
import { expect, it } from "vitest";
import { DELETE, GET, PUT } from "@/app/api/v1/orgs/[slug]/sso/saml/route";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { signedInUser } from "../../testing/fixtures";
import { addMember, createOrg } from "../../testing/org-fixtures";
import { TestSamlIdp } from "../../testing/saml-idp";

const ORIGIN = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, slug: string, cookie: string, body?: unknown) {
  return handler(
    new Request(`${ORIGIN}/api/v1/orgs/${slug}/sso/saml`, {
      method,
      headers: { cookie, origin: ORIGIN, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
}

describeWith(["postgres", "redis"], "SAML settings API", () => {
  it("fetches a metadata URL through the outbound guard: an address inside the network is refused before any connection", async () => {
    const org = await createOrg();
    const admin = await signedInUser();
    await addMember(org.id, admin.user.id, "admin");
    // 10.0.0.0/8 is private and not in the tests' loopback allowlist; unguarded, this would wait for the connect timeout.
    const refused = await call(PUT, "PUT", org.slug, admin.cookie, { metadataUrl: "https://10.0.0.1/saml/metadata" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("points inside the network");
    expect(await getDb().samlConnection.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("saves manual IdP settings, refuses bad ones with 422, keeps them on a settings-only update, and deletes with its key", async () => {
    const org = await createOrg();
    const admin = await signedInUser();
    await addMember(org.id, admin.user.id, "admin");
    const idp = new TestSamlIdp();

    expect((await call(PUT, "PUT", org.slug, admin.cookie, {})).status).toBe(422);
    const badCert = await call(PUT, "PUT", org.slug, admin.cookie, { idpEntityId: idp.entityId, idpSsoUrl: "https://idp.example.test/sso", idpCertificates: ["x".repeat(200)] });
    expect(badCert.status).toBe(422);
    expect((await call(PUT, "PUT", org.slug, admin.cookie, { metadataXml: "<not-metadata/>" })).status).toBe(422);
    expect(await getDb().samlConnection.count({ where: { orgId: org.id } })).toBe(0);

    const saved = await call(PUT, "PUT", org.slug, admin.cookie, { idpEntityId: idp.entityId, idpSsoUrl: "https://idp.example.test/sso", idpCertificates: [idp.keys.certificatePem] });
    const text = await saved.text();
    expect(saved.status).toBe(200);
    expect(text).not.toContain("PRIVATE KEY");
    const body = JSON.parse(text).saml;
    expect(body).toMatchObject({ idpEntityId: idp.entityId, enabled: true, signInPath: `/sso/${org.slug}` });
    expect(body.sp.acsUrl).toMatch(/^http:\/\/localhost:3000\/api\/saml\/[^/]+\/acs$/);
    expect(body.sp.certificate).toContain("BEGIN CERTIFICATE");

    const updated = await (await call(PUT, "PUT", org.slug, admin.cookie, { enforceForDomains: true })).json();
    expect(updated.saml).toMatchObject({ idpEntityId: idp.entityId, enforceForDomains: true });
    expect(updated.saml.sp.certificate).toBe(body.sp.certificate);
    expect((await (await call(GET, "GET", org.slug, admin.cookie)).json()).saml.idpCertificates).toHaveLength(1);

    const connection = await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(await getDb().secret.count({ where: { orgId: org.id, scope: `saml:${connection.id}` } })).toBe(1);
    expect((await call(DELETE, "DELETE", org.slug, admin.cookie)).status).toBe(200);
    expect(await getDb().secret.count({ where: { orgId: org.id, scope: `saml:${connection.id}` } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: { in: ["sso.saml_config_updated", "sso.saml_config_deleted"] } } })).toBe(3);
  });
});
