import { expect, it } from "vitest";
import { getDb } from "../../db";
import { captureLogs } from "../../testing/capture-logs";
import { AuthBrowser, locationOf } from "../../testing/auth-browser";
import { describeWith } from "../../testing/describe";
import { createUser, uniqueSuffix } from "../../testing/fixtures";
import { linkIn, waitForTestMail } from "../../testing/mail";
import { addSsoConnection, addVerifiedDomain, createOrg } from "../../testing/org-fixtures";
import { SESSION_COOKIE } from "../session-cookie";
import { findActiveSession } from "../sessions";
import { hashToken } from "../tokens";

const SUBJECT = /sign-in link/;

async function requestLink(browser: AuthBrowser, email: string, callbackUrl = "/orgs/acme") {
  const since = Date.now();
  const response = await browser.signIn("email", { email, callbackUrl });
  return { response, since };
}

describeWith(["postgres", "redis"], "magic link sign-in", () => {
  it("signs a new user in through the emailed link and sends them to onboarding", async () => {
    const logs = captureLogs();
    const email = `new-${uniqueSuffix()}@example.test`;
    const browser = new AuthBrowser();
    const { response, since } = await requestLink(browser, email);
    expect(response.status).toBe(302);
    expect(locationOf(response)).toBe("http://localhost:3000/api/auth/verify-request?provider=email&type=email");
    expect(locationOf(await browser.auth("GET", "/api/auth/verify-request?provider=email&type=email"))).toBe("/magic-link-sent");

    const link = linkIn(await waitForTestMail(email, { subject: SUBJECT, since }), "/api/auth/callback/email");
    const token = new URL(link).searchParams.get("token")!;
    expect(await getDb().verificationToken.count({ where: { token } })).toBe(0);

    const callback = await browser.auth("GET", link);
    expect(callback.status).toBe(302);
    expect(locationOf(callback)).toBe(`/onboarding?callbackUrl=${encodeURIComponent("/orgs/acme")}`);
    const sessionToken = browser.cookie(SESSION_COOKIE)!;
    expect(sessionToken).toBeTruthy();
    expect(callback.headers.get("set-cookie")).toMatch(/bastion\.session=[^;]+;.*HttpOnly/i);
    expect(callback.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const session = await findActiveSession(sessionToken);
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(session?.userId).toBe(user.id);
    expect(user.emailVerified).not.toBeNull();
    const row = await getDb().session.findUniqueOrThrow({ where: { tokenHash: hashToken(sessionToken) } });
    expect(row.method).toBe("magic_link");
    expect(row.ipAddress).toBe("127.0.0.1");

    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(audit.metadata).toMatchObject({ method: "magic_link", provider: "email", newUser: true });

    // Single use: the same link again is refused and lands on the error page.
    const again = await new AuthBrowser().auth("GET", link);
    expect(locationOf(again)).toMatch(/\/api\/auth\/error\?error=Verification$/);
    expect(locationOf(await browser.auth("GET", "/api/auth/error?error=Verification"))).toBe("/auth-error?error=Verification");

    // Neither the emailed token nor the session token is ever logged (the log is not empty).
    expect(logs.entries().some((entry) => entry.msg === "request")).toBe(true);
    expect(logs.text()).not.toContain(token);
    expect(logs.text()).not.toContain(sessionToken);
  });

  it("signs an existing user in without onboarding, and the same answer is given for unknown emails", async () => {
    const user = await createUser({ email: `known-${uniqueSuffix()}@example.test` });
    const browser = new AuthBrowser();
    const known = await requestLink(browser, user.email, "/");
    const unknown = await requestLink(new AuthBrowser(), `unknown-${uniqueSuffix()}@example.test`, "/");
    expect(known.response.status).toBe(unknown.response.status);
    expect(locationOf(known.response)).toBe(locationOf(unknown.response));

    const link = linkIn(await waitForTestMail(user.email, { subject: SUBJECT, since: known.since }), "/api/auth/callback/email");
    const callback = await browser.auth("GET", link);
    expect(locationOf(callback)).toBe("/");
    expect((await findActiveSession(browser.cookie(SESSION_COOKIE)!))?.userId).toBe(user.id);
  });

  it("answers a deactivated user's request like any other, and refuses the link", async () => {
    const user = await createUser({ email: `deactivated-${uniqueSuffix()}@example.test` });
    await getDb().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const browser = new AuthBrowser();
    const { response, since } = await requestLink(browser, user.email, "/");
    expect(locationOf(response)).toBe("http://localhost:3000/api/auth/verify-request?provider=email&type=email");
    const link = linkIn(await waitForTestMail(user.email, { subject: SUBJECT, since }), "/api/auth/callback/email");
    expect(locationOf(await browser.auth("GET", link))).toBe("/auth-error?error=AccountDeactivated");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().user.count({ where: { email: user.email } })).toBe(1);
  });

  it("does not serve next-auth's client log sink or unknown actions", async () => {
    expect((await new AuthBrowser().auth("POST", "/api/auth/_log", { code: "x", level: "error" })).status).toBe(404);
    expect((await new AuthBrowser().auth("GET", "/api/auth/nonsense")).status).toBe(404);
  });

  it("refuses a magic link for an email whose org requires SSO and sends the browser to its IdP path", async () => {
    const org = await createOrg();
    const domain = `corp-${uniqueSuffix()}.test`;
    await addVerifiedDomain(org.id, domain);
    await addSsoConnection(org.id, { issuer: "https://idp.example.test", clientId: "bastion", clientSecret: "s3cret", enforceForDomains: true });
    const email = `member@${domain}`;

    const browser = new AuthBrowser();
    const response = await browser.signIn("email", { email, callbackUrl: "/orgs/x" });
    expect(response.status).toBe(302);
    expect(locationOf(response)).toBe(`/sso/${org.slug}?callbackUrl=${encodeURIComponent("/orgs/x")}`);

    const { csrfToken } = (await (await browser.auth("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const asJson = await browser.auth("POST", "/api/auth/signin/email", { email: email.toUpperCase(), csrfToken, json: "true" });
    expect(await asJson.json()).toEqual({ url: `/sso/${org.slug}` });
    expect(await getDb().verificationToken.count({ where: { identifier: email } })).toBe(0);
  });

  it("still sends magic links on a verified domain whose org offers SSO without requiring it", async () => {
    const org = await createOrg();
    const domain = `optional-${uniqueSuffix()}.test`;
    await addVerifiedDomain(org.id, domain);
    await addSsoConnection(org.id, { issuer: "https://idp.example.test", clientId: "bastion", clientSecret: "s3cret", enforceForDomains: false });
    const response = await new AuthBrowser().signIn("email", { email: `someone@${domain}` });
    expect(locationOf(response)).toMatch(/\/api\/auth\/verify-request/);
  });

  it("rate-limits magic links per email address with a clear 429", async () => {
    const email = `limited-${uniqueSuffix()}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await new AuthBrowser(`198.51.100.${attempt + 1}`).signIn("email", { email })).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    const refused = await new AuthBrowser("198.51.100.99").signIn("email", { email });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("refuses a sign-in POST from another origin and never redirects off-site", async () => {
    const browser = new AuthBrowser();
    const { csrfToken } = (await (await browser.auth("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const crossSite = await POST(
      new Request("http://localhost:3000/api/auth/signin/email", {
        method: "POST",
        headers: { origin: "https://evil.example", cookie: browser.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "victim@example.test", csrfToken }).toString(),
      }),
      { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
    );
    expect(crossSite.status).toBe(403);

    const email = `redirect-${uniqueSuffix()}@example.test`;
    const since = Date.now();
    await browser.signIn("email", { email, callbackUrl: "https://evil.example/steal" });
    const link = linkIn(await waitForTestMail(email, { subject: SUBJECT, since }), "/api/auth/callback/email");
    expect(new URL(link).searchParams.get("callbackUrl")).toBe("/");
  });
});
