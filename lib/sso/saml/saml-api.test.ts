// The SAML settings API: manual IdP fields, bad input answered 422, updates keeping the IdP
// settings, the SP private key never in an answer, and the draft (SP details before the IdP's
// metadata exists) that cannot be enabled or signed in through until the metadata is saved.
import { expect, it } from "vitest";
import { POST as acs } from "@/app/api/saml/[connectionId]/acs/route";
import { GET as spMetadata } from "@/app/api/saml/[connectionId]/metadata/route";
import { GET as signIn } from "@/app/api/saml/[connectionId]/sign-in/route";
import { DELETE, GET, PUT } from "@/app/api/v1/orgs/[slug]/sso/saml/route";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { signedInUser, uniqueSuffix } from "../../testing/fixtures";
import { addMember, addVerifiedDomain, createOrg } from "../../testing/org-fixtures";
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

type Ctx = { params: Promise<Record<string, string>> };

async function postAcs(connectionId: string, samlResponse: string) {
  const response = await acs(
    new Request(`${ORIGIN}/api/saml/${connectionId}/acs`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://idp.example.test" },
      body: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
    }),
    { params: Promise.resolve({ connectionId }) } as Ctx,
  );
  return { location: response.headers.get("location"), setCookie: response.headers.get("set-cookie") };
}

describeWith(["postgres", "redis"], "SAML settings API", () => {
  it("creates a draft with the SP details before the IdP's metadata exists; it cannot be enabled or used until the metadata completes it", async () => {
    const org = await createOrg();
    const domain = `saml-draft-${uniqueSuffix()}.test`;
    await addVerifiedDomain(org.id, domain);
    const admin = await signedInUser();
    await addMember(org.id, admin.user.id, "admin");
    const idp = new TestSamlIdp();

    // No IdP fields on an org without a connection: a disabled draft with its SP key pair.
    const created = await call(PUT, "PUT", org.slug, admin.cookie, {});
    const createdText = await created.text();
    expect(created.status).toBe(200);
    expect(createdText).not.toContain("PRIVATE KEY");
    const draft = JSON.parse(createdText).saml;
    expect(draft).toMatchObject({ configured: false, enabled: false, idpEntityId: null, idpSsoUrl: null, idpCertificates: [] });
    expect(draft.sp.acsUrl).toMatch(/^http:\/\/localhost:3000\/api\/saml\/[^/]+\/acs$/);
    expect(draft.sp.certificate).toContain("BEGIN CERTIFICATE");
    expect((await (await call(GET, "GET", org.slug, admin.cookie)).json()).saml).toMatchObject({ configured: false, enabled: false });
    const connection = await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(draft.sp.acsUrl).toContain(connection.id);
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "sso.saml_config_updated" } })).toMatchObject({
      targetId: connection.id,
      metadata: expect.objectContaining({ created: true, draft: true, enabled: false }),
    });

    // The IdP may import the SP metadata before it has its own.
    const metadataResponse = await spMetadata(new Request(draft.sp.metadataUrl), { params: Promise.resolve({ connectionId: connection.id }) } as Ctx);
    expect(metadataResponse.status).toBe(200);
    const metadataXml = await metadataResponse.text();
    expect(metadataXml).toContain(draft.sp.acsUrl);
    expect(metadataXml).toContain(`entityID="${draft.sp.entityId}"`);

    // Enabling without the IdP's settings is refused, naming what is missing.
    const enabling = await call(PUT, "PUT", org.slug, admin.cookie, { enabled: true });
    expect(enabling.status).toBe(422);
    const refusal = await enabling.json();
    expect(refusal.error.details).toEqual([expect.objectContaining({ path: "enabled", message: expect.stringContaining("metadata") })]);
    expect((await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } })).enabled).toBe(false);

    // Sign-in and the ACS refuse a draft with nothing created.
    const email = `ada-${uniqueSuffix()}@${domain}`;
    const urls = { acsUrl: draft.sp.acsUrl as string, audience: draft.sp.entityId as string };
    const early = await postAcs(connection.id, await idp.response({ ...urls, nameId: email, email }));
    expect(early.location).toBe("/auth-error?error=SsoNotConfigured");
    expect(early.setCookie).toBeNull();
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(await getDb().session.count({ where: { ssoConnectionId: connection.id } })).toBe(0);
    const signInEarly = await signIn(new Request(`${ORIGIN}/api/saml/${connection.id}/sign-in`), { params: Promise.resolve({ connectionId: connection.id }) } as Ctx);
    expect(signInEarly.headers.get("location")).toBe("/auth-error?error=SsoNotConfigured");

    // The IdP's metadata completes the same connection (same SP URLs and certificate); enabled by default.
    const completed = await (await call(PUT, "PUT", org.slug, admin.cookie, { metadataXml: idp.metadataXml() })).json();
    expect(completed.saml).toMatchObject({ configured: true, enabled: true, idpEntityId: idp.entityId });
    expect(completed.saml.sp).toEqual(draft.sp);
    expect(await getDb().samlConnection.count({ where: { orgId: org.id } })).toBe(1);
    const signedIn = await postAcs(connection.id, await idp.response({ ...urls, nameId: email, email }));
    expect(signedIn.setCookie).toBeTruthy();
    expect(await getDb().session.count({ where: { ssoConnectionId: connection.id } })).toBe(1);
  });

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
