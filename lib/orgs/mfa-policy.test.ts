// The org's "require two-factor authentication": the setting's API (who may change it,
// validation, audit) and its enforcement in the org resolver for session callers: refused
// after the grace period, let in (with a banner) during it, satisfied by a second factor or
// by an SSO sign-in of this org whose IdP asserted MFA; machine callers are not subject to it.
import { expect, it } from "vitest";
import { GET as getOrgRoute } from "@/app/api/v1/orgs/[slug]/route";
import { GET as listMembersRoute } from "@/app/api/v1/orgs/[slug]/members/route";
import { GET as getPolicy, PATCH as patchPolicy } from "@/app/api/v1/orgs/[slug]/mfa-policy/route";
import { POST as acs } from "@/app/api/saml/[connectionId]/acs/route";
import { createSession } from "../auth/sessions";
import { SESSION_COOKIE } from "../auth/session-cookie";
import { getDb } from "../db";
import { saveSamlConnection } from "../sso/saml/connections";
import { spUrls } from "../sso/saml/service-provider";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { signedInUser, uniqueSuffix } from "../testing/fixtures";
import { addMember, addVerifiedDomain, createOrg } from "../testing/org-fixtures";
import { TestSamlIdp } from "../testing/saml-idp";
import { decidePageAccess } from "./console-access";

const ORIGIN = "http://localhost:3000";
const DAY_MS = 24 * 60 * 60 * 1000;
const MULTI_FACTOR = "urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor";
type Ctx = { params: Promise<Record<string, string>> };

function call(handler: (request: Request, ctx: Ctx) => Promise<Response>, path: string, slug: string, headers: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
  return handler(
    new Request(`${ORIGIN}/api/v1/orgs/${slug}${path}`, {
      method: init.method ?? "GET",
      headers: { origin: ORIGIN, ...headers, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve({ slug }) },
  );
}

const withTotp = (userId: string) => getDb().user.update({ where: { id: userId }, data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } });

async function orgRequiringMfa(options: { requiredDaysAgo: number; graceDays: number; ssoSatisfies?: boolean }) {
  const org = await createOrg();
  await getDb().orgMfaPolicy.create({
    data: { orgId: org.id, requiredSince: new Date(Date.now() - options.requiredDaysAgo * DAY_MS), graceDays: options.graceDays, ssoSatisfies: options.ssoSatisfies ?? false, ssoAcceptedValues: [MULTI_FACTOR, "mfa"] },
  });
  const member = await signedInUser();
  await addMember(org.id, member.user.id, "member");
  return { org, member };
}

describeWith(["postgres", "redis"], "org-required MFA: the setting", () => {
  it("reads the default, refuses an admin without MFA turning it on, then saves and audits it", async () => {
    const org = await createOrg();
    const admin = await signedInUser();
    await addMember(org.id, admin.user.id, "admin");
    const initial = await call(getPolicy, "/mfa-policy", org.slug, { cookie: admin.cookie });
    expect((await initial.json()).mfaPolicy).toMatchObject({ required: false, graceDays: 7, ssoSatisfies: false, graceEndsAt: null });

    const refused = await call(patchPolicy, "/mfa-policy", org.slug, { cookie: admin.cookie }, { method: "PATCH", body: { required: true } });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/your own account/);

    await withTotp(admin.user.id);
    const saved = await call(patchPolicy, "/mfa-policy", org.slug, { cookie: admin.cookie }, { method: "PATCH", body: { required: true, graceDays: 14, ssoSatisfies: true } });
    expect(saved.status).toBe(200);
    const policy = (await saved.json()).mfaPolicy;
    expect(policy).toMatchObject({ required: true, graceDays: 14, ssoSatisfies: true });
    expect(Date.parse(policy.graceEndsAt) - Date.parse(policy.requiredSince)).toBe(14 * DAY_MS);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "org.mfa_policy_updated" } });
    expect(event).toMatchObject({ actorId: admin.user.id, metadata: expect.objectContaining({ required: true, graceDays: 14, ssoSatisfies: true }) });

    // Changing the grace period later keeps the day the requirement began.
    const regraced = await call(patchPolicy, "/mfa-policy", org.slug, { cookie: admin.cookie }, { method: "PATCH", body: { graceDays: 3 } });
    expect((await regraced.json()).mfaPolicy.requiredSince).toBe(policy.requiredSince);
  });

  it("answers 422 for bad input and 403 to a member", async () => {
    const org = await createOrg();
    const admin = await signedInUser();
    const member = await signedInUser();
    await addMember(org.id, admin.user.id, "admin");
    await addMember(org.id, member.user.id, "member");
    for (const body of [{ graceDays: -1 }, { graceDays: 1000 }, { required: "yes" }, { unknown: true }, { ssoSatisfies: true, ssoAcceptedValues: [] }]) {
      const response = await call(patchPolicy, "/mfa-policy", org.slug, { cookie: admin.cookie }, { method: "PATCH", body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await response.json()).error.code).toBe("invalid_request");
    }
    const forbidden = await call(patchPolicy, "/mfa-policy", org.slug, { cookie: member.cookie }, { method: "PATCH", body: { required: false } });
    expect(forbidden.status).toBe(403);
    expect((await call(getPolicy, "/mfa-policy", org.slug, { cookie: member.cookie })).status).toBe(200);
  });
});

describeWith(["postgres", "redis"], "org-required MFA: enforcement", () => {
  it("refuses a member without MFA once the grace period is over, on the API and on console pages", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 10, graceDays: 7 });
    const refused = await call(getOrgRoute, "", org.slug, { cookie: member.cookie });
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body.error.code).toBe("mfa_required");
    expect(body.error.message).toContain("/account#two-factor");
    const page = await decidePageAccess("orgs/[slug]/secrets", member.session.token, org.slug);
    expect(page).toMatchObject({ kind: "mfa-required", org: { slug: org.slug } });
  });

  it("lets a member without MFA in during the grace period, marked for the banner", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 1, graceDays: 7 });
    expect((await call(getOrgRoute, "", org.slug, { cookie: member.cookie })).status).toBe(200);
    const page = await decidePageAccess("orgs/[slug]", member.session.token, org.slug);
    expect(page.kind).toBe("allowed");
    const endsAt = page.kind === "allowed" ? page.access?.mfaGraceEndsAt : null;
    expect(endsAt?.getTime()).toBeGreaterThan(Date.now() + 5 * DAY_MS);
  });

  it("lets a member with a second factor in, without a banner", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 10, graceDays: 7 });
    await withTotp(member.user.id);
    expect((await call(getOrgRoute, "", org.slug, { cookie: member.cookie })).status).toBe(200);
    const page = await decidePageAccess("orgs/[slug]", member.session.token, org.slug);
    expect(page.kind === "allowed" && page.access?.mfaGraceEndsAt).toBe(null);
  });

  it("does not apply to an API key, even one made by a member it would refuse", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 10, graceDays: 0 });
    const key = await createTestApiKey(org.id, member.user.id, ["org:read"]);
    expect((await call(getOrgRoute, "", org.slug, { cookie: member.cookie })).status).toBe(403);
    expect((await call(getOrgRoute, "", org.slug, { authorization: key.authorization })).status).toBe(200);
  });

  it("counts an SSO session of this org whose IdP asserted MFA (acr or amr), only when the org says so", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 10, graceDays: 0, ssoSatisfies: true });
    const other = await createOrg();
    const connection = await getDb().samlConnection.create({ data: samlRow(org.id) });
    const elsewhere = await getDb().samlConnection.create({ data: samlRow(other.id) });
    const sso = async (ssoConnectionId: string, ssoAssertion: { amr: string[]; acr: string | null }) => {
      const session = await createSession(getDb(), { userId: member.user.id, method: "sso", ip: null, userAgent: null, ssoConnectionId, ssoAssertion });
      return (await call(getOrgRoute, "", org.slug, { cookie: `${SESSION_COOKIE}=${session.token}` })).status;
    };
    expect(await sso(connection.id, { amr: [], acr: MULTI_FACTOR })).toBe(200);
    expect(await sso(connection.id, { amr: ["pwd", "mfa"], acr: null })).toBe(200);
    expect(await sso(connection.id, { amr: ["pwd"], acr: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport" })).toBe(403);
    // Another org's IdP vouches for nothing here.
    expect(await sso(elsewhere.id, { amr: [], acr: MULTI_FACTOR })).toBe(403);
    await getDb().orgMfaPolicy.update({ where: { orgId: org.id }, data: { ssoSatisfies: false } });
    expect(await sso(connection.id, { amr: [], acr: MULTI_FACTOR })).toBe(403);
  });

  it("shows members:read holders which members have MFA", async () => {
    const { org, member } = await orgRequiringMfa({ requiredDaysAgo: 1, graceDays: 7 });
    const enrolled = await signedInUser();
    await addMember(org.id, enrolled.user.id, "admin");
    await withTotp(enrolled.user.id);
    const response = await call(listMembersRoute, "/members", org.slug, { cookie: member.cookie });
    const items: { userId: string; mfaEnabled: boolean }[] = (await response.json()).items;
    expect(Object.fromEntries(items.map((item) => [item.userId, item.mfaEnabled]))).toEqual({ [member.user.id]: false, [enrolled.user.id]: true });
  });

  it("records the AuthnContextClassRef a SAML IdP asserted on the session it makes, and lands a user without membership on the orgs page", async () => {
    const org = await createOrg();
    const domain = `mfa-${uniqueSuffix()}.test`;
    await addVerifiedDomain(org.id, domain);
    const idp = new TestSamlIdp();
    await saveSamlConnection(
      { org, actorId: null as unknown as string, meta: { ip: null, userAgent: null }, requestId: "test" },
      { metadataXml: idp.metadataXml(), requireEncryptedAssertions: false, allowUnverifiedDomains: false, enforceForDomains: false, enabled: true },
    );
    const connection = await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    const urls = spUrls(connection.id);
    const email = `new-${uniqueSuffix()}@${domain}`;
    const samlResponse = await idp.response({ acsUrl: urls.acsUrl, audience: urls.entityId, nameId: email, email, authnContextClassRef: MULTI_FACTOR });
    const form = new URLSearchParams({ SAMLResponse: samlResponse });
    const landed = await acs(new Request(urls.acsUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() }), { params: Promise.resolve({ connectionId: connection.id }) });
    // Just-in-time membership is off: not "/", but the orgs page saying why no org is there.
    expect(landed.headers.get("location")).toBe("/orgs?sso=no-membership");
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(await getDb().session.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ ssoConnectionId: connection.id, ssoAcr: MULTI_FACTOR, ssoAmr: [] });
  });
});

function samlRow(orgId: string) {
  return { orgId, idpEntityId: `https://idp-${uniqueSuffix()}.test`, idpSsoUrl: "https://idp.test/sso", idpCertificates: [], spCertificate: "" };
}
