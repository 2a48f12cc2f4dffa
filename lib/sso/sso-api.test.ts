import { afterAll, beforeAll, expect, it } from "vitest";
import { DELETE, GET, PUT } from "@/app/api/v1/orgs/[slug]/sso/route";
import { GET as discoverGet, POST as discoverPost } from "@/app/api/v1/auth/sso/discover/route";
import { readSsoClientSecret } from "./client-secret";
import { getDb } from "../db";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { signedInUser, uniqueSuffix } from "../testing/fixtures";
import { startTestOidcProvider, type TestOidcProvider } from "../testing/oidc-provider";
import { addMember, addSsoConnection, addVerifiedDomain, createOrg } from "../testing/org-fixtures";
import { rowsText } from "../testing/rows-text";

const ORIGIN = "http://localhost:3000";
const SECRET = `client-secret-${uniqueSuffix()}-do-not-leak`;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, method: string, slug: string, cookie: string, body?: unknown) {
  return handler(
    new Request(`${ORIGIN}/api/v1/orgs/${slug}/sso`, {
      method,
      headers: { cookie, origin: ORIGIN, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
}

let idp: TestOidcProvider;

beforeAll(async () => {
  idp = await startTestOidcProvider({ clients: [{ clientId: "bastion", clientSecret: "unused", redirectUris: [`${ORIGIN}/api/auth/callback/oidc`] }] });
});

afterAll(async () => {
  await idp?.close();
});

describeWith(["postgres", "redis"], "per-org SSO settings API", () => {
  async function orgWith(role: "owner" | "admin" | "member" | "billing") {
    const org = await createOrg();
    const caller = await signedInUser();
    await addMember(org.id, caller.user.id, role);
    return { org, caller };
  }

  it("lets an admin save settings after discovery, never returning the secret, and audits the change", async () => {
    const logs = captureLogs();
    const { org, caller } = await orgWith("admin");
    const empty = await call(GET, "GET", org.slug, caller.cookie);
    expect(await empty.json()).toEqual({ sso: null, callbackUrl: expect.stringContaining("/api/auth/callback/") });

    const saved = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: idp.issuer, clientId: "bastion", clientSecret: SECRET, enforceForDomains: true });
    const savedText = await saved.text();
    expect(saved.status).toBe(200);
    expect(savedText).not.toContain(SECRET);
    expect(JSON.parse(savedText).sso).toMatchObject({
      issuer: idp.issuer,
      clientId: "bastion",
      enforceForDomains: true,
      hasClientSecret: true,
      signInPath: `/sso/${org.slug}`,
      callbackUrl: `${ORIGIN}/api/auth/callback/sso-${org.slug}`,
    });

    const read = await (await call(GET, "GET", org.slug, caller.cookie)).text();
    expect(read).not.toContain(SECRET);
    expect(JSON.parse(read).sso.hasClientSecret).toBe(true);

    const row = await getDb().ssoConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.clientSecretEncrypted).toBeNull();
    expect(rowsText(await getDb().secretVersion.findMany({ where: { orgId: org.id } }))).not.toContain(SECRET);
    expect(await readSsoClientSecret(row)).toBe(SECRET);

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "sso.config_updated" } });
    expect(event).toMatchObject({ actorId: caller.user.id, targetType: "sso_connection", targetId: row.id });
    expect(event.metadata).toMatchObject({ issuer: idp.issuer, clientId: "bastion", enforceForDomains: true, created: true, clientSecretChanged: true });
    expect(rowsText(event)).not.toContain(SECRET);
    expect(logs.text()).not.toContain(SECRET);
  });

  it("keeps the stored secret when an update omits it, and requires one to start with", async () => {
    const { org, caller } = await orgWith("owner");
    const missing = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: idp.issuer, clientId: "bastion" });
    expect(missing.status).toBe(422);

    await call(PUT, "PUT", org.slug, caller.cookie, { issuer: idp.issuer, clientId: "bastion", clientSecret: SECRET });
    const updated = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: idp.issuer, clientId: "bastion-2", enforceForDomains: false });
    expect(updated.status).toBe(200);
    const row = await getDb().ssoConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.clientId).toBe("bastion-2");
    expect(await readSsoClientSecret(row)).toBe(SECRET);
  });

  it("refuses with 422 when discovery fails or the issuer URL is not acceptable", async () => {
    const { org, caller } = await orgWith("admin");
    const unreachable = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: "http://127.0.0.1:9/realms/none", clientId: "x", clientSecret: SECRET });
    expect(unreachable.status).toBe(422);
    expect(((await unreachable.json()) as { error: { message: string } }).error.message).toMatch(/discovery failed/);

    // Discovery goes through the outbound guard: 10.0.0.0/8 is outside the tests' loopback allowlist.
    const internal = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: "https://10.0.0.1/realms/internal", clientId: "x", clientSecret: SECRET });
    expect(((await internal.json()) as { error: { message: string } }).error.message).toMatch(/points inside the network/);

    const notFound = await call(PUT, "PUT", org.slug, caller.cookie, { issuer: `${idp.issuer}/elsewhere`, clientId: "x", clientSecret: SECRET });
    expect(notFound.status).toBe(422);

    for (const issuer of ["http://idp.example.com", "ftp://idp.example.com", "https://idp.example.com/?q=1", "not a url"]) {
      const response = await call(PUT, "PUT", org.slug, caller.cookie, { issuer, clientId: "x", clientSecret: SECRET });
      expect(response.status, issuer).toBe(422);
    }
    expect(await getDb().ssoConnection.count({ where: { orgId: org.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("answers 403 to members and billing, 404 to non-members, for every method", async () => {
    const { org } = await orgWith("owner");
    await addSsoConnection(org.id, { issuer: idp.issuer, clientId: "bastion", clientSecret: SECRET });
    const member = await signedInUser();
    await addMember(org.id, member.user.id, "member");
    const billing = await signedInUser();
    await addMember(org.id, billing.user.id, "billing");
    const outsider = await signedInUser();
    const body = { issuer: idp.issuer, clientId: "evil", clientSecret: "evil-secret" };

    for (const [cookie, status] of [[member.cookie, 403], [billing.cookie, 403], [outsider.cookie, 404]] as const) {
      expect((await call(GET, "GET", org.slug, cookie)).status).toBe(status);
      expect((await call(PUT, "PUT", org.slug, cookie, body)).status).toBe(status);
      expect((await call(DELETE, "DELETE", org.slug, cookie)).status).toBe(status);
    }
    expect((await getDb().ssoConnection.findUniqueOrThrow({ where: { orgId: org.id } })).clientId).toBe("bastion");
  });

  it("deletes the settings with an audit event, then answers 404", async () => {
    const { org, caller } = await orgWith("admin");
    const connection = await addSsoConnection(org.id, { issuer: idp.issuer, clientId: "bastion", clientSecret: SECRET });
    const deleted = await call(DELETE, "DELETE", org.slug, caller.cookie);
    expect(await deleted.json()).toEqual({ deleted: true });
    expect(await getDb().ssoConnection.count({ where: { orgId: org.id } })).toBe(0);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "sso.config_deleted" } });
    expect(event).toMatchObject({ actorId: caller.user.id, targetId: connection.id });
    expect((await call(DELETE, "DELETE", org.slug, caller.cookie)).status).toBe(404);
  });
});

describeWith(["postgres", "redis"], "SSO discovery by email", () => {
  it("finds the org whose verified domain has SSO, and answers neutrally otherwise", async () => {
    const org = await createOrg();
    const domain = `sso-${uniqueSuffix()}.test`;
    await addVerifiedDomain(org.id, domain);
    await addSsoConnection(org.id, { issuer: "https://idp.example.test", clientId: "bastion", clientSecret: SECRET });
    const unverifiedOrg = await createOrg();
    const unverified = `unverified-${uniqueSuffix()}.test`;
    await getDb().orgDomain.create({ data: { orgId: unverifiedOrg.id, domain: unverified, verificationToken: "t" } });
    await addSsoConnection(unverifiedOrg.id, { issuer: "https://idp.example.test", clientId: "bastion", clientSecret: SECRET });

    const post = (email: string) =>
      discoverPost(new Request(`${ORIGIN}/api/v1/auth/sso/discover`, { method: "POST", headers: { origin: ORIGIN, "content-type": "application/json" }, body: JSON.stringify({ email }) }));
    expect(await (await post(`Ada@${domain.toUpperCase()}`)).json()).toEqual({ signInPath: `/sso/${org.slug}` });
    const none = { signInPath: null, message: "Single sign-on is not set up for this email address." };
    expect(await (await post(`ada@${unverified}`)).json()).toEqual(none);
    expect(await (await post("ada@nowhere.test")).json()).toEqual(none);
    expect((await post("not-an-email")).status).toBe(422);

    const viaGet = await discoverGet(new Request(`${ORIGIN}/api/v1/auth/sso/discover?email=${encodeURIComponent(`bob@${domain}`)}`));
    expect(await viaGet.json()).toEqual({ signInPath: `/sso/${org.slug}` });
  });
});
