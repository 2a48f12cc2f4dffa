// SAML sign-in against an IdP made in the test (keys per run, responses signed with
// xml-crypto), the signature-wrapping corpus (each attack refused with nothing created),
// JIT membership and role mapping, and sessions ended when the connection is disabled.
import { beforeAll, expect, it } from "vitest";
import { POST as acs } from "@/app/api/saml/[connectionId]/acs/route";
import { GET as metadata } from "@/app/api/saml/[connectionId]/metadata/route";
import { GET as signIn } from "@/app/api/saml/[connectionId]/sign-in/route";
import { findActiveSession } from "../../auth/sessions";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { uniqueSuffix } from "../../testing/fixtures";
import { addVerifiedDomain, createOrg } from "../../testing/org-fixtures";
import { TestSamlIdp, authnRequestId, encodeResponse, type ResponseOptions } from "../../testing/saml-idp";
import { saveSsoJitPolicy } from "../jit";
import { certificateBody, selfSignedCertificate } from "./certificates";
import { saveSamlConnection } from "./connections";
import { spUrls } from "./service-provider";

const ORIGIN = "http://localhost:3000";
type Ctx = { params: Promise<Record<string, string>> };

async function postResponse(connectionId: string, samlResponse: string, relayState?: string) {
  const form = new URLSearchParams({ SAMLResponse: samlResponse, ...(relayState ? { RelayState: relayState } : {}) });
  const response = await acs(
    new Request(`${ORIGIN}/api/saml/${connectionId}/acs`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://idp.example.test" }, body: form.toString() }),
    { params: Promise.resolve({ connectionId }) } as Ctx,
  );
  const setCookie = response.headers.get("set-cookie");
  const token = setCookie ? decodeURIComponent(/=([^;]+)/.exec(setCookie)![1]!) : null;
  return { status: response.status, location: response.headers.get("location"), token };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function setUp(options: { requireEncryptedAssertions?: boolean; allowUnverifiedDomains?: boolean; extraCertificate?: string } = {}) {
  const org = await createOrg();
  const domain = `saml-${uniqueSuffix()}.test`;
  await addVerifiedDomain(org.id, domain);
  const idp = new TestSamlIdp();
  const saved = await saveSamlConnection(
    { org, actorId: null as unknown as string, meta: { ip: "127.0.0.1", userAgent: "vitest" }, requestId: "test" },
    {
      metadataXml: idp.metadataXml(options.extraCertificate ? [options.extraCertificate] : []),
      requireEncryptedAssertions: options.requireEncryptedAssertions ?? false,
      allowUnverifiedDomains: options.allowUnverifiedDomains ?? false,
      enforceForDomains: false,
      enabled: true,
    },
  );
  const connection = await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } });
  const urls = spUrls(connection.id);
  const user = (local = `ada-${uniqueSuffix()}`) => `${local}@${domain}`;
  const base = (email: string): ResponseOptions => ({ acsUrl: urls.acsUrl, audience: urls.entityId, nameId: email, email });
  return { org, domain, idp, saved, connection, urls, user, base };
}

/** Nothing came of a refused response: no user, no membership, no session. */
async function expectNothingCreated(setup: Setup, email: string) {
  expect(await getDb().user.count({ where: { email } })).toBe(0);
  expect(await getDb().membership.count({ where: { orgId: setup.org.id } })).toBe(0);
  expect(await getDb().session.count({ where: { ssoConnectionId: setup.connection.id } })).toBe(0);
}

function expectRefused(result: { status: number; location: string | null; token: string | null }) {
  expect(result.status).toBe(303);
  expect(result.location).toMatch(/^\/auth-error\?error=/);
  expect(result.token).toBeNull();
}

describeWith(["postgres", "redis"], "SAML sign-in", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp();
    await saveSsoJitPolicy({ orgId: setup.org.id, actorId: null as unknown as string, ip: null, userAgent: null, requestId: "test" }, { defaultRole: "member", groupsClaim: "groups", roleMappings: [{ group: "bastion-admins", role: "admin" }] });
  });

  it("serves SP metadata with the entity id, ACS URL and certificate", async () => {
    const response = await metadata(new Request(setup.urls.metadataUrl), { params: Promise.resolve({ connectionId: setup.connection.id }) } as Ctx);
    const xml = await response.text();
    expect(response.headers.get("content-type")).toContain("samlmetadata+xml");
    expect(xml).toContain(`entityID="${setup.urls.entityId}"`);
    expect(xml).toContain(`Location="${setup.urls.acsUrl}"`);
    expect(xml.replace(/\s+/g, "")).toContain(certificateBody(setup.saved.sp.certificate));
    expect(xml).not.toContain("PRIVATE KEY");
  });

  it("signs in through an IdP-initiated response, creating the user, the JIT membership and a session tied to the connection", async () => {
    const email = setup.user();
    const result = await postResponse(setup.connection.id, await setup.idp.response(setup.base(email)), "/orgs/welcome");
    expect(result.location).toBe("/orgs/welcome");
    expect(result.token).toBeTruthy();
    const session = await findActiveSession(result.token!);
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(session?.userId).toBe(user.id);
    expect(user.emailVerified).not.toBeNull();
    expect(await getDb().membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: setup.org.id, userId: user.id } } })).toMatchObject({ role: "member" });
    expect(await getDb().session.findFirstOrThrow({ where: { id: session!.sessionId } })).toMatchObject({ method: "sso", ssoConnectionId: setup.connection.id });
  });

  it("signs in SP-initiated: the response must answer a request we made, once", async () => {
    const redirect = await signIn(new Request(`${setup.urls.signInUrl}?callbackUrl=/next`), { params: Promise.resolve({ connectionId: setup.connection.id }) } as Ctx);
    const location = redirect.headers.get("location")!;
    expect(location.startsWith(setup.idp.ssoUrl)).toBe(true);
    expect(new URL(location).searchParams.get("RelayState")).toBe("/next");
    const requestId = authnRequestId(location);
    const email = setup.user();
    const ok = await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(email), inResponseTo: requestId }), "/next");
    expect(ok.location).toBe("/next");
    expect(ok.token).toBeTruthy();

    const again = setup.user();
    expectRefused(await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(again), inResponseTo: requestId })));
    expectRefused(await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(again), inResponseTo: "_never-requested" })));
    expect(await getDb().user.count({ where: { email: again } })).toBe(0);
  });

  it("accepts a response signed as a whole (assertion unsigned) and both signed", async () => {
    for (const sign of ["response", "both"] as const) {
      const result = await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(setup.user()), sign }));
      expect(result.token, sign).toBeTruthy();
    }
  });

  it("maps IdP groups to roles at every sign-in, never touching an owner", async () => {
    const email = setup.user();
    await postResponse(setup.connection.id, await setup.idp.response(setup.base(email)));
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    const role = async () => (await getDb().membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: setup.org.id, userId: user.id } } })).role;
    expect(await role()).toBe("member");
    await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(email), groups: ["staff", "bastion-admins"] }));
    expect(await role()).toBe("admin");
    await getDb().membership.update({ where: { orgId_userId: { orgId: setup.org.id, userId: user.id } }, data: { role: "owner" } });
    await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(email), groups: ["bastion-admins"] }));
    expect(await role()).toBe("owner");
    expect(await getDb().auditEvent.count({ where: { orgId: setup.org.id, action: "member.role_changed", targetId: user.id } })).toBe(1);
  });
});

describeWith(["postgres", "redis"], "SAML signature-wrapping corpus: every attack refused, nothing created", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp();
    await saveSsoJitPolicy({ orgId: setup.org.id, actorId: null as unknown as string, ip: null, userAgent: null, requestId: "test" }, { defaultRole: "admin", groupsClaim: "groups", roleMappings: [] });
  });

  const attacks: [string, (s: Setup, victim: string) => Promise<string>][] = [
    [
      "wrapped: a forged assertion wrapping the signed one",
      async (s, victim) => {
        const legit = s.idp.signAssertion(s.idp.assertionXml(s.base(s.user("mallory"))));
        const forged = s.idp.assertionXml(s.base(victim)).replace("</saml:Subject>", `</saml:Subject>${legit}`);
        return s.idp.wrapResponse(forged, { destination: s.urls.acsUrl });
      },
    ],
    [
      "prepended: a forged assertion before the signed one",
      async (s, victim) => {
        const legit = s.idp.signAssertion(s.idp.assertionXml(s.base(s.user("mallory"))));
        return s.idp.wrapResponse(s.idp.assertionXml(s.base(victim)) + legit, { destination: s.urls.acsUrl });
      },
    ],
    [
      "hidden in Extensions: the signed assertion moved into Extensions, a forged one in its place",
      async (s, victim) => {
        const legit = s.idp.signAssertion(s.idp.assertionXml(s.base(s.user("mallory"))));
        const extensions = `<samlp:Extensions>${legit}</samlp:Extensions>`;
        return s.idp.wrapResponse(s.idp.assertionXml(s.base(victim)), { destination: s.urls.acsUrl }).replace("<samlp:Status>", `${extensions}<samlp:Status>`);
      },
    ],
    [
      "hidden in Extensions of a signed response: the signed response's Extensions hold a forged assertion",
      async (s, victim) => {
        const signed = await s.idp.responseXml({ ...s.base(s.user("mallory")), sign: "response" });
        return signed.replace("<samlp:Status>", `<samlp:Extensions>${s.idp.assertionXml(s.base(victim))}</samlp:Extensions><samlp:Status>`);
      },
    ],
    [
      "comment-injected: a comment splits the signed NameID and email to read as the victim's",
      async (s, victim) => {
        // The IdP signed mallory's address "<victim>.evil.test"; c14n drops comments, so the signature survives.
        const signed = await s.idp.responseXml(s.base(`${victim}.evil.test`));
        return signed.replaceAll(`${victim}.evil.test`, `${victim}<!---->.evil.test`);
      },
    ],
    [
      "multi-root: a forged response before the signed one in the same document",
      async (s, victim) => {
        const legit = await s.idp.responseXml(s.base(s.user("mallory")));
        const forged = s.idp.wrapResponse(s.idp.assertionXml(s.base(victim)), { destination: s.urls.acsUrl });
        return forged + legit.replace(/^<\?xml[^>]*>/, "");
      },
    ],
    [
      "an unsigned assertion inside a signed response (assertion swapped after signing)",
      async (s, victim) => {
        const signed = await s.idp.responseXml({ ...s.base(s.user("mallory")), sign: "response" });
        return signed.replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, s.idp.assertionXml(s.base(victim)));
      },
    ],
    ["an unsigned response and assertion", async (s, victim) => s.idp.responseXml({ ...s.base(victim), sign: "none" })],
    ["signed by a key the org never trusted", async (s, victim) => s.idp.responseXml({ ...s.base(victim), signer: selfSignedCertificate("Mallory IdP") })],
    [
      "a response for another SP (audience and recipient of another connection)",
      async (s, victim) => {
        const other = spUrls("another-connection");
        return s.idp.responseXml({ ...s.base(victim), acsUrl: other.acsUrl, audience: other.entityId });
      },
    ],
    ["a recipient that is not this ACS (audience right)", async (s, victim) => s.idp.responseXml({ ...s.base(victim), recipient: spUrls("another-connection").acsUrl })],
    ["another issuer than the IdP's entity id", async (s, victim) => s.idp.responseXml({ ...s.base(victim), issuer: "https://evil.example.test/saml" })],
    ["expired (NotOnOrAfter beyond the skew)", async (s, victim) => s.idp.responseXml({ ...s.base(victim), notBefore: -900, notOnOrAfter: -300 })],
    ["not yet valid (NotBefore beyond the skew)", async (s, victim) => s.idp.responseXml({ ...s.base(victim), notBefore: 600, notOnOrAfter: 900 })],
    ["an InResponseTo that was never requested", async (s, victim) => s.idp.responseXml({ ...s.base(victim), inResponseTo: "_forged-request" })],
  ];

  for (const [name, build] of attacks) {
    it(name, async () => {
      const victim = setup.user();
      const result = await postResponse(setup.connection.id, encodeResponse(await build(setup, victim)));
      expectRefused(result);
      // The comment-injected response keeps a valid signature (c14n drops comments), so it is
      // read whole: the address is mallory's "<victim>.evil.test", on no verified domain.
      expect(result.location).toBe(name.startsWith("comment") ? "/auth-error?error=SsoDomainNotVerified" : "/auth-error?error=SamlResponseInvalid");
      await expectNothingCreated(setup, victim);
      expect(await getDb().user.count({ where: { email: { startsWith: victim.split("@")[0] } } })).toBe(0);
    });
  }

  it("a replayed response: the second post of the same signed response is refused", async () => {
    const email = setup.user();
    const response = await setup.idp.response(setup.base(email));
    const first = await postResponse(setup.connection.id, response);
    expect(first.token).toBeTruthy();
    const replay = await postResponse(setup.connection.id, response);
    expectRefused(replay);
    expect(replay.location).toBe("/auth-error?error=SamlResponseReplayed");
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1);
    // Clean up so the corpus' "no membership" check holds for the other cases.
    await getDb().membership.deleteMany({ where: { orgId: setup.org.id } });
    await getDb().session.deleteMany({ where: { userId: user.id } });
  });
});

describeWith(["postgres", "redis"], "SAML connection options", () => {
  it("decrypts encrypted assertions and, when required, refuses plain ones", async () => {
    const setup = await setUp({ requireEncryptedAssertions: true });
    const plain = setup.user();
    expect((await postResponse(setup.connection.id, await setup.idp.response(setup.base(plain)))).location).toBe("/auth-error?error=SamlAssertionNotEncrypted");
    await expectNothingCreated(setup, plain);
    const email = setup.user();
    const encrypted = await setup.idp.responseXml({ ...setup.base(email), encryptTo: setup.connection.spCertificate });
    expect(encrypted).toContain("EncryptedAssertion");
    expect(encrypted).not.toContain(email);
    expect((await postResponse(setup.connection.id, encodeResponse(encrypted))).token).toBeTruthy();
  });

  it("trusts two IdP certificates at once (rollover)", async () => {
    const next = selfSignedCertificate("Test SAML IdP next");
    const setup = await setUp({ extraCertificate: next.certificatePem });
    expect(setup.saved.idpCertificates).toHaveLength(2);
    expect((await postResponse(setup.connection.id, await setup.idp.response(setup.base(setup.user())))).token).toBeTruthy();
    expect((await postResponse(setup.connection.id, await setup.idp.response({ ...setup.base(setup.user()), signer: next }))).token).toBeTruthy();
  });

  it("requires a verified domain unless the admin opts out, and never links an unverified address to an existing user", async () => {
    const strict = await setUp();
    const outside = `eve-${uniqueSuffix()}@elsewhere.test`;
    expect((await postResponse(strict.connection.id, await strict.idp.response(strict.base(outside)))).location).toBe("/auth-error?error=SsoDomainNotVerified");
    expect(await getDb().user.count({ where: { email: outside } })).toBe(0);

    const open = await setUp({ allowUnverifiedDomains: true });
    const created = await postResponse(open.connection.id, await open.idp.response(open.base(outside)));
    expect(created.token).toBeTruthy();
    expect((await getDb().user.findUniqueOrThrow({ where: { email: outside } })).emailVerified).toBeNull();
    const existing = `existing-${uniqueSuffix()}@elsewhere.test`;
    await getDb().user.create({ data: { email: existing } });
    expect((await postResponse(open.connection.id, await open.idp.response(open.base(existing)))).location).toBe("/auth-error?error=SsoAccountNotLinked");
  });

  it("ends the connection's sessions when it is disabled, and refuses sign-ins while disabled", async () => {
    const setup = await setUp();
    const result = await postResponse(setup.connection.id, await setup.idp.response(setup.base(setup.user())));
    expect(await findActiveSession(result.token!)).not.toBeNull();
    await saveSamlConnection(
      { org: setup.org, actorId: null as unknown as string, meta: { ip: null, userAgent: null }, requestId: "test" },
      { metadataXml: setup.idp.metadataXml(), requireEncryptedAssertions: false, allowUnverifiedDomains: false, enforceForDomains: false, enabled: false },
    );
    expect(await findActiveSession(result.token!)).toBeNull();
    const email = setup.user();
    expect((await postResponse(setup.connection.id, await setup.idp.response(setup.base(email)))).location).toBe("/auth-error?error=SsoNotConfigured");
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });
});
