import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { AuthBrowser, locationOf } from "../../testing/auth-browser";
import { captureLogs } from "../../testing/capture-logs";
import { describeWith } from "../../testing/describe";
import { createUser, signedInUser, uniqueSuffix } from "../../testing/fixtures";
import { authorizeAs, startTestOidcProvider, subjectFor, type TestOidcProvider } from "../../testing/oidc-provider";
import { addSsoConnection, addVerifiedDomain, createOrg } from "../../testing/org-fixtures";
import { SESSION_COOKIE } from "../session-cookie";
import { encryptSsoSecret } from "../sso-secret";
import { findActiveSession } from "../sessions";
import { hashToken } from "../tokens";

const run = uniqueSuffix();
const slug = `oidc-${run}`;
const otherSlug = `oidc-other-${run}`;
const domain = `${run}.corp.test`;
const CLIENT = { clientId: "bastion-org", clientSecret: `org-secret-${run}` };

let idp: TestOidcProvider;
let orgId: string;

beforeAll(async () => {
  idp = await startTestOidcProvider({
    clients: [{ ...CLIENT, redirectUris: [slug, otherSlug].map((s) => `http://localhost:3000/api/auth/callback/sso-${s}`) }],
    misbehaviour: { wrongAudience: (email) => email.startsWith("wrong-audience"), tamperState: (email) => email.startsWith("tampered-state") },
  });
});

afterAll(async () => {
  await idp?.close();
});

async function ssoSignIn(browser: AuthBrowser, providerSlug: string, email: string, callbackUrl = "/orgs/acme") {
  const start = await browser.signIn(`sso-${providerSlug}`, { callbackUrl });
  const authorizationUrl = new URL(locationOf(start));
  expect(authorizationUrl.origin).toBe(idp.issuer);
  const back = new URL(await authorizeAs(authorizationUrl.toString(), email));
  return { authorizationUrl, callback: await browser.auth("GET", `${back.pathname}${back.search}`) };
}

describeWith(["postgres", "redis"], "OIDC sign-in through an org's identity provider", () => {
  beforeAll(async () => {
    const org = await createOrg({ slug });
    orgId = org.id;
    await addVerifiedDomain(org.id, domain);
    await addSsoConnection(org.id, { issuer: idp.issuer, ...CLIENT });
  });

  it("signs a new user on a verified domain in, with PKCE, state and nonce, and a hashed sso session", async () => {
    const email = `new-${uniqueSuffix()}@${domain}`;
    const browser = new AuthBrowser();
    const { authorizationUrl, callback } = await ssoSignIn(browser, slug, email);
    const params = authorizationUrl.searchParams;
    expect(params.get("client_id")).toBe(CLIENT.clientId);
    expect(params.get("redirect_uri")).toBe(`http://localhost:3000/api/auth/callback/sso-${slug}`);
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    for (const name of ["code_challenge", "state", "nonce"]) expect(params.get(name)).toBeTruthy();

    expect(locationOf(callback)).toBe(`/onboarding?callbackUrl=${encodeURIComponent("/orgs/acme")}`);
    const token = browser.cookie(SESSION_COOKIE)!;
    const user = await getDb().user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect((await findActiveSession(token))?.userId).toBe(user.id);
    expect(user.emailVerified).not.toBeNull();
    expect(user.accounts).toEqual([expect.objectContaining({ provider: `sso-${slug}`, providerAccountId: subjectFor(email), id_token: null, access_token: null })]);
    expect((await getDb().session.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).method).toBe("sso");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(audit).toMatchObject({ orgId });
    expect(audit.metadata).toMatchObject({ method: "sso", provider: `sso-${slug}` });

    // The linked identity signs in again as the same user.
    const again = new AuthBrowser();
    expect(locationOf((await ssoSignIn(again, slug, email, "/")).callback)).toBe("/");
    expect((await findActiveSession(again.cookie(SESSION_COOKIE)!))?.userId).toBe(user.id);
  });

  it("links an existing user whose email is on the org's verified domain", async () => {
    const existing = await createUser({ email: `existing-${uniqueSuffix()}@${domain}` });
    const browser = new AuthBrowser();
    await ssoSignIn(browser, slug, existing.email);
    expect((await findActiveSession(browser.cookie(SESSION_COOKIE)!))?.userId).toBe(existing.id);
    expect(await getDb().account.count({ where: { userId: existing.id, provider: `sso-${slug}` } })).toBe(1);
  });

  it("refuses emails outside the org's verified domains, without creating or linking anyone", async () => {
    const stranger = `someone-${uniqueSuffix()}@elsewhere.test`;
    const browser = new AuthBrowser();
    expect(locationOf((await ssoSignIn(browser, slug, stranger)).callback)).toBe("/auth-error?error=SsoDomainNotVerified");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().user.count({ where: { email: stranger } })).toBe(0);

    const victim = await createUser({ email: `victim-${uniqueSuffix()}@elsewhere.test` });
    const attacker = new AuthBrowser();
    expect(locationOf((await ssoSignIn(attacker, slug, victim.email)).callback)).toBe("/auth-error?error=SsoAccountNotLinked");
    expect(attacker.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().account.count({ where: { userId: victim.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { actorId: victim.id, action: "auth.sign_in_failed" } })).toBe(1);
  });

  it("refuses to link another user's identity to the user signed in on this browser", async () => {
    const signedIn = await signedInUser();
    const other = await createUser({ email: `other-${uniqueSuffix()}@${domain}` });
    const browser = new AuthBrowser();
    browser.jar.set(SESSION_COOKIE, signedIn.session.token);
    expect(locationOf((await ssoSignIn(browser, slug, other.email)).callback)).toBe("/auth-error?error=SsoAccountNotLinked");
    expect(await getDb().account.count({ where: { userId: { in: [signedIn.user.id, other.id] } } })).toBe(0);
  });

  it("refuses a deactivated user", async () => {
    const user = await createUser({ email: `gone-${uniqueSuffix()}@${domain}` });
    await getDb().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const browser = new AuthBrowser();
    expect(locationOf((await ssoSignIn(browser, slug, user.email)).callback)).toBe("/auth-error?error=AccountDeactivated");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it("rejects an ID token issued for another audience", async () => {
    const logs = captureLogs();
    const email = `wrong-audience-${uniqueSuffix()}@${domain}`;
    const browser = new AuthBrowser();
    const { callback } = await ssoSignIn(browser, slug, email);
    expect(locationOf(callback)).toBe("http://localhost:3000/api/auth/error?error=OAuthCallback");
    expect(locationOf(await browser.auth("GET", "/api/auth/error?error=OAuthCallback"))).toBe("/auth-error?error=OAuthCallback");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(logs.text()).toMatch(/aud mismatch/);
  });

  it("rejects an authorization response whose state was tampered with, and does not log the state", async () => {
    const logs = captureLogs();
    const email = `tampered-state-${uniqueSuffix()}@${domain}`;
    const browser = new AuthBrowser();
    const { authorizationUrl, callback } = await ssoSignIn(browser, slug, email);
    expect(locationOf(callback)).toBe("http://localhost:3000/api/auth/error?error=OAuthCallback");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(logs.text()).toMatch(/state mismatch/);
    expect(logs.text()).not.toContain(authorizationUrl.searchParams.get("state")!);
  });

  it("sends an email whose org requires SSO to that org, not through another org's IdP", async () => {
    const other = await createOrg({ slug: otherSlug });
    await addSsoConnection(other.id, { issuer: idp.issuer, ...CLIENT });
    await getDb().ssoConnection.update({ where: { orgId }, data: { enforceForDomains: true } });
    try {
      const browser = new AuthBrowser();
      const { callback } = await ssoSignIn(browser, otherSlug, `member-${uniqueSuffix()}@${domain}`);
      expect(locationOf(callback)).toBe(`/sso/${slug}`);
      expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    } finally {
      await getDb().ssoConnection.update({ where: { orgId }, data: { enforceForDomains: false } });
    }
  });

  it("answers an org without SSO, or with a secret that no longer decrypts, with a clear error page", async () => {
    const response = await new AuthBrowser().signIn(`sso-no-such-org-${run}`, { callbackUrl: "/" });
    expect(locationOf(response)).toBe("/auth-error?error=SsoNotConfigured");

    const broken = await createOrg();
    await getDb().ssoConnection.create({ data: { orgId: broken.id, issuer: idp.issuer, clientId: "x", clientSecretEncrypted: encryptSsoSecret(orgId, "copied") } });
    expect(locationOf(await new AuthBrowser().signIn(`sso-${broken.slug}`))).toBe("/auth-error?error=SsoNotConfigured");
  });
});
