import { expect, it } from "vitest";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOutPost } from "@/app/api/v1/auth/sign-out/route";
import { POST as signUpPost } from "@/app/api/v1/auth/sign-up/route";
import { getDb } from "../db";
import { route } from "../http/route";
import { answerOf, cookieFrom, postJson, testIp } from "../testing/auth-api";
import { describeWith } from "../testing/describe";
import { createUser, uniqueSuffix } from "../testing/fixtures";
import { hashPassword } from "./passwords";
import { rowsText } from "../testing/rows-text";

const PASSWORD = "violet-anchor-97-tundra";
const whoami = route({ auth: "session" }, async ({ actor }) => ({ actor }));
const signIn = (body: object, options: { ip?: string; requestId?: string; cookie?: string } = {}) =>
  postJson(signInPost, "/api/v1/auth/sign-in", body, { ip: testIp(), ...options });

async function passwordUser(overrides: Parameters<typeof createUser>[0] = {}) {
  return createUser({ email: `signin-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD), ...overrides });
}

describeWith(["postgres", "redis"], "sign-in with a password", () => {
  it("signs in with an HttpOnly SameSite=Lax cookie, records the event, and signs out", async () => {
    const user = await passwordUser();
    const response = await signIn({ email: ` ${user.email.toUpperCase()}`, password: PASSWORD, next: "/orgs/acme?tab=members" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: "/orgs/acme?tab=members" });
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^bastion\.session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const cookie = cookieFrom(response);
    const me = await whoami(new Request("http://localhost:3000/api/me", { headers: { cookie } }));
    expect((await me.json()).actor.userId).toBe(user.id);
    expect(await getDb().auditEvent.findFirst({ where: { actorId: user.id, action: "auth.sign_in" } })).toMatchObject({ metadata: { method: "password" } });

    const signedOut = await postJson(signOutPost, "/api/v1/auth/sign-out", {}, { cookie });
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers.getSetCookie()).toEqual([
      "bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
      "__Host-bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    ]);
    expect((await whoami(new Request("http://localhost:3000/api/me", { headers: { cookie } }))).status).toBe(401);
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "auth.sign_out" } })).toBe(1);
    expect((await postJson(signOutPost, "/api/v1/auth/sign-out", {}, { cookie })).status).toBe(401);
  });

  it("refuses a cross-site sign-out", async () => {
    const user = await passwordUser();
    const cookie = cookieFrom(await signIn({ email: user.email, password: PASSWORD }));
    expect((await postJson(signOutPost, "/api/v1/auth/sign-out", {}, { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await whoami(new Request("http://localhost:3000/api/me", { headers: { cookie } }))).status).toBe(200);
  });

  it("answers an unknown email exactly like a wrong password, and audits both without the password", async () => {
    const user = await passwordUser();
    const requestId = `req-${uniqueSuffix()}`;
    const wrong = await signIn({ email: user.email, password: "not-the-password-1" }, { requestId });
    const unknown = await signIn({ email: `ghost-${uniqueSuffix()}@example.test`, password: "not-the-password-1" }, { requestId });
    const [wrongAnswer, unknownAnswer] = [await answerOf(wrong), await answerOf(unknown)];
    expect(wrongAnswer.status).toBe(401);
    expect(unknownAnswer).toEqual(wrongAnswer);
    expect(JSON.parse(wrongAnswer.body).error).toEqual({ code: "unauthorized", message: "Email or password is incorrect", requestId });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect([...wrong.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());

    const failures = await getDb().auditEvent.findMany({ where: { action: "auth.sign_in_failed", requestId } });
    expect(failures.map((event) => (event.metadata as { reason: string }).reason).sort()).toEqual(["unknown_email", "wrong_password"]);
    expect(rowsText(failures)).not.toContain("not-the-password-1");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).failedSignInCount).toBe(1);
  });

  it("answers a passwordless account (magic link / SSO only) like a wrong password", async () => {
    const user = await createUser({ email: `nopw-${uniqueSuffix()}@example.test` });
    const response = await signIn({ email: user.email, password: PASSWORD });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe("Email or password is incorrect");
  });

  it("refuses unverified and deactivated accounts only after the right password", async () => {
    const unverified = await passwordUser({ emailVerified: null });
    expect((await signIn({ email: unverified.email, password: "wrong-password-12" })).status).toBe(401);
    const refused = await signIn({ email: unverified.email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ details: { reason: "email_unverified" }, message: expect.stringMatching(/^Verify your email/) });

    const deactivated = await passwordUser();
    await getDb().user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
    const gone = await signIn({ email: deactivated.email, password: PASSWORD });
    expect(gone.status).toBe(403);
    expect((await gone.json()).error.details).toEqual({ reason: "account_deactivated" });
  });

  it("sends emails of an SSO-enforcing org's verified domain to the IdP", async () => {
    const domain = `sso-${uniqueSuffix()}.example`;
    const org = await getDb().organization.create({ data: { name: "Acme", slug: `acme-${uniqueSuffix()}` } });
    await getDb().orgDomain.create({ data: { orgId: org.id, domain, verificationToken: "dns-token", verifiedAt: new Date() } });
    const user = await passwordUser({ email: `jo@${domain}` });

    // Not enforced yet: the password works.
    await getDb().ssoConnection.create({ data: { orgId: org.id, issuer: "https://idp.example", clientId: "c", clientSecretEncrypted: "x", enforceForDomains: false } });
    expect((await signIn({ email: user.email, password: PASSWORD })).status).toBe(200);

    await getDb().ssoConnection.update({ where: { orgId: org.id }, data: { enforceForDomains: true } });
    const refused = await signIn({ email: user.email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "forbidden", details: { reason: "sso_required", signInPath: `/sso/${org.slug}` } });
    expect(refused.headers.get("set-cookie")).toBeNull();
    // Same for an address without an account, so this reveals nothing about accounts.
    const stranger = await signIn({ email: `new@${domain}`, password: PASSWORD });
    expect((await stranger.json()).error.details).toEqual({ reason: "sso_required", signInPath: `/sso/${org.slug}` });
    const signUp = await postJson(signUpPost, "/api/v1/auth/sign-up", { email: `new@${domain}`, password: PASSWORD, name: "New" }, { ip: testIp() });
    expect((await signUp.json()).error.details).toEqual({ reason: "sso_required", signInPath: `/sso/${org.slug}` });
    expect(await getDb().user.count({ where: { email: `new@${domain}` } })).toBe(0);
  });

  it("redirects only to same-site paths after sign-in", async () => {
    const user = await passwordUser();
    const ip = testIp();
    for (const next of ["https://evil.example/x", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://localhost:3000.evil.example/"]) {
      const response = await signIn({ email: user.email, password: PASSWORD, next }, { ip });
      expect(await response.json()).toEqual({ redirectTo: "/orgs?open=last" });
    }
    expect(await (await signIn({ email: user.email, password: PASSWORD }, { ip })).json()).toEqual({ redirectTo: "/orgs?open=last" });
  });

  it("ends the session the browser already held when it signs in again", async () => {
    const user = await passwordUser();
    const first = cookieFrom(await signIn({ email: user.email, password: PASSWORD }));
    const second = cookieFrom(await signIn({ email: user.email, password: PASSWORD }, { cookie: first }));
    expect((await whoami(new Request("http://localhost:3000/api/me", { headers: { cookie: first } }))).status).toBe(401);
    expect((await whoami(new Request("http://localhost:3000/api/me", { headers: { cookie: second } }))).status).toBe(200);
  });

  it("limits attempts per IP and per email with 429, Retry-After and RateLimit-* headers", async () => {
    const ip = testIp();
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await signIn({ email: `ip-${uniqueSuffix()}@example.test`, password: "x" }, { ip })).status).toBe(401);
    }
    const perIp = await signIn({ email: `ip-${uniqueSuffix()}@example.test`, password: "x" }, { ip });
    expect(perIp.status).toBe(429);
    expect(perIp.headers.get("ratelimit-limit")).toBe("30");

    const email = `target-${uniqueSuffix()}@example.test`;
    for (let attempt = 0; attempt < 20; attempt++) expect((await signIn({ email, password: "x" })).status).toBe(401);
    const perEmail = await signIn({ email, password: "x" });
    expect(perEmail.status).toBe(429);
    expect(Number(perEmail.headers.get("retry-after"))).toBeGreaterThan(200);
    expect(perEmail.headers.get("ratelimit-limit")).toBe("20");
    expect(perEmail.headers.get("ratelimit-remaining")).toBe("0");
    expect((await perEmail.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^Too many requests/) });
  });

  it("refuses a cross-site sign-in and bad input without a 500", async () => {
    const user = await passwordUser();
    const crossSite = await postJson(signInPost, "/api/v1/auth/sign-in", { email: user.email, password: PASSWORD }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    for (const body of [{}, { email: user.email }, { email: 42, password: PASSWORD }, { email: user.email, password: "x".repeat(5000) }]) {
      expect((await signIn(body)).status).toBe(422);
    }
  });
});
