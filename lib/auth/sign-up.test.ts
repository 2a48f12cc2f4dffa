import { expect, it } from "vitest";
import { POST as resendPost } from "@/app/api/v1/auth/verify-email/resend/route";
import { POST as verifyPost } from "@/app/api/v1/auth/verify-email/route";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { POST as signUpPost } from "@/app/api/v1/auth/sign-up/route";
import { getDb } from "../db";
import { answerOf, emailedToken, postJson, testIp } from "../testing/auth-api";
import { describeWith } from "../testing/describe";
import { createUser, uniqueSuffix } from "../testing/fixtures";
import { linkIn, waitForTestMail } from "../testing/mail";
import { hashPassword } from "./passwords";

const PASSWORD = "violet-anchor-97-tundra";
const signUp = (body: object, ip = testIp()) => postJson(signUpPost, "/api/v1/auth/sign-up", body, { ip });
const signIn = (email: string, password: string, ip = testIp()) => postJson(signInPost, "/api/v1/auth/sign-in", { email, password }, { ip });
const verify = (token: string) => postJson(verifyPost, "/api/v1/auth/verify-email", { token }, { ip: testIp() });

describeWith(["postgres", "redis"], "sign-up with email and password", () => {
  it("creates an unverified user, emails a 24 h verification link that works once, then allows sign-in", async () => {
    const email = `new-${uniqueSuffix()}@example.test`;
    const response = await signUp({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: "Ada" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: `We sent an email to ${email}. Open the link in it to finish signing up.` });

    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerified).toBeNull();
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const tokenRow = await getDb().authToken.findFirstOrThrow({ where: { userId: user.id, purpose: "email_verification" } });
    expect(tokenRow.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const mail = await waitForTestMail(email, { subject: /^Verify your email address$/ });
    expect(linkIn(mail, "/verify-email")).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[\w-]{43}$/);
    const token = await emailedToken(email, /^Verify your email/, "/verify-email");

    const unverified = await signIn(email, PASSWORD);
    expect(unverified.status).toBe(403);
    expect((await unverified.json()).error).toMatchObject({ code: "forbidden", details: { reason: "email_unverified" } });
    expect(unverified.headers.get("set-cookie")).toBeNull();
    const verified = await verify(token);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ verified: true });
    expect((await getDb().user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeInstanceOf(Date);

    const again = await verify(token);
    expect(again.status).toBe(410);
    expect((await again.json()).error.message).toMatch(/expired or was already used/);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: { in: ["auth.sign_up", "auth.email_verified", "auth.sign_in"] } } })).toBe(3);
  });

  it("refuses short, common and email-equal passwords with 422 and the reasons", async () => {
    const email = `weak-${uniqueSuffix()}@example.test`;
    for (const [password, reason] of [
      ["short1!", "Use at least 10 characters."],
      ["1234567890", "This password is too common; choose another."],
      [email, "Do not use your email address as your password."],
    ]) {
      const response = await signUp({ email, password, name: "Weak" });
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "invalid_request", message: "Choose a stronger password" });
      expect(body.error.details).toContain(reason);
    }
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect((await signUp({ email: "not-an-email", password: PASSWORD, name: "X" })).status).toBe(422);
  });

  it("answers a sign-up for an existing address exactly like a new one and tells the owner by email", async () => {
    const existing = await createUser({ email: `taken-${uniqueSuffix()}@example.test`, name: "Owner", passwordHash: await hashPassword(PASSWORD) });
    const fresh = `fresh-${uniqueSuffix()}@example.test`;
    const since = Date.now();
    const forExisting = await answerOf(await signUp({ email: existing.email, password: "another-Password-42", name: "Intruder" }));
    const forFresh = await answerOf(await signUp({ email: fresh, password: "another-Password-42", name: "Intruder" }));
    expect(forExisting.status).toBe(forFresh.status);
    expect(forExisting.body.replace(existing.email, "<email>")).toBe(forFresh.body.replace(fresh, "<email>"));

    const notice = await waitForTestMail(existing.email, { subject: /tried to sign up/, since });
    expect(linkIn(notice, "/sign-in")).toBe("http://localhost:3000/sign-in");
    expect(linkIn(notice, "/forgot-password")).toBe("http://localhost:3000/forgot-password");
    const owner = await getDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(owner.name).toBe("Owner");
    expect(owner.passwordHash).toBe(existing.passwordHash);
  });

  it("resends the verification link with one answer for every address, and the old link stops working", async () => {
    const email = `resend-${uniqueSuffix()}@example.test`;
    await signUp({ email, password: PASSWORD, name: "Resend" });
    const first = await emailedToken(email, /^Verify your email/, "/verify-email");
    const since = Date.now();
    const resend = (address: string) => postJson(resendPost, "/api/v1/auth/verify-email/resend", { email: address }, { ip: testIp() });
    const nobody = `nobody-${uniqueSuffix()}@example.test`;
    const known = await answerOf(await resend(email));
    const unknown = await answerOf(await resend(nobody));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body.replace(email, "<email>")).toBe(unknown.body.replace(nobody, "<email>"));
    const second = await emailedToken(email, /^Verify your email/, "/verify-email", since);
    expect(second).not.toBe(first);
    expect((await verify(first)).status).toBe(410);
    expect((await verify(second)).status).toBe(200);
  });

  it("refuses an expired verification link with a clear message", async () => {
    const email = `expired-${uniqueSuffix()}@example.test`;
    await signUp({ email, password: PASSWORD, name: "Late" });
    const token = await emailedToken(email, /^Verify your email/, "/verify-email");
    await getDb().authToken.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await verify(token);
    expect(response.status).toBe(410);
    expect((await response.json()).error).toMatchObject({ code: "gone", message: expect.stringContaining("expired") });
    expect((await verify("not-a-token-at-all-1234567890")).status).toBe(410);
  });

  it("limits sign-ups per IP with 429, Retry-After and RateLimit-* headers", async () => {
    const ip = testIp();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signUp({ email: `rl-${uniqueSuffix()}@example.test`, password: "short", name: "R" }, ip)).status).toBe(422);
    }
    const limited = await signUp({ email: `rl-${uniqueSuffix()}@example.test`, password: PASSWORD, name: "R" }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-limit")).toBe("10");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
  });

  it("refuses a cross-site sign-up", async () => {
    const email = `csrf-${uniqueSuffix()}@example.test`;
    const response = await postJson(signUpPost, "/api/v1/auth/sign-up", { email, password: PASSWORD, name: "X" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await postJson(signUpPost, "/api/v1/auth/sign-up", { email, password: PASSWORD, name: "X" }, { origin: null })).status).toBe(403);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });
});
