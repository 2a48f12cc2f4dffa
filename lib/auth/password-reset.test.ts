import { expect, it } from "vitest";
import { POST as forgotPost } from "@/app/api/v1/auth/password/forgot/route";
import { POST as resetPost } from "@/app/api/v1/auth/password/reset/route";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { getDb } from "../db";
import { answerOf, cookieFrom, emailedToken, postJson, testIp } from "../testing/auth-api";
import { describeWith } from "../testing/describe";
import { createUser, uniqueSuffix } from "../testing/fixtures";
import { waitForTestMail } from "../testing/mail";
import { hashPassword } from "./passwords";
import { findActiveSession } from "./sessions";

const OLD = "violet-anchor-97-tundra";
const NEW = "copper-lantern-41-meadow";
const signIn = (email: string, password: string) => postJson(signInPost, "/api/v1/auth/sign-in", { email, password }, { ip: testIp() });
const forgot = (email: string, ip = testIp()) => postJson(forgotPost, "/api/v1/auth/password/forgot", { email }, { ip });
const resetWith = (token: string, password: string) => postJson(resetPost, "/api/v1/auth/password/reset", { token, password }, { ip: testIp() });

async function userWithResetLink() {
  const user = await createUser({ email: `reset-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(OLD) });
  const since = Date.now();
  expect((await forgot(user.email)).status).toBe(200);
  return { user, token: await emailedToken(user.email, /^Reset your Bastion password$/, "/reset-password", since) };
}

describeWith(["postgres", "redis"], "password reset", () => {
  it("answers the same for known and unknown addresses and emails only the known one", async () => {
    const user = await createUser({ email: `known-${uniqueSuffix()}@example.test` });
    const unknown = `unknown-${uniqueSuffix()}@example.test`;
    const since = Date.now();
    const forKnown = await answerOf(await forgot(user.email));
    const forUnknown = await answerOf(await forgot(unknown));
    expect(forKnown.status).toBe(200);
    expect(forKnown.body.replace(user.email, "<email>")).toBe(forUnknown.body.replace(unknown, "<email>"));
    await waitForTestMail(user.email, { subject: /^Reset your Bastion password$/, since });
    await expect(waitForTestMail(unknown, { since, timeoutMs: 500 })).rejects.toThrow(/no email/);
    const row = await getDb().authToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password_reset" } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
  });

  it("sets the new password from the link once, ends every session, clears a lock and audits it", async () => {
    const { user, token } = await userWithResetLink();
    const first = cookieFrom(await signIn(user.email, OLD));
    const second = cookieFrom(await signIn(user.email, OLD));
    await getDb().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 60_000), failedSignInCount: 3 } });

    const since = Date.now();
    const response = await resetWith(token, NEW);
    expect(response.status).toBe(200);
    expect((await response.json()).message).toMatch(/Sign in with your new password/);
    expect(response.headers.get("set-cookie")).toBeNull();
    for (const cookie of [first, second]) expect(await findActiveSession(cookie.split("=")[1]!)).toBeNull();
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lockedUntil: null, failedSignInCount: 0 });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.password_reset" } });
    expect(audit.metadata).toEqual({ endedSessions: 2 });
    await waitForTestMail(user.email, { subject: /password was changed/, since });

    expect((await signIn(user.email, OLD)).status).toBe(401);
    expect((await signIn(user.email, NEW)).status).toBe(200);
    const reused = await resetWith(token, "another-new-password-77");
    expect(reused.status).toBe(410);
    expect((await reused.json()).error.message).toMatch(/password reset link has expired or was already used/);
  });

  it("refuses an expired link", async () => {
    const { user, token } = await userWithResetLink();
    await getDb().authToken.updateMany({ where: { userId: user.id, purpose: "password_reset" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resetWith(token, NEW)).status).toBe(410);
    expect((await signIn(user.email, OLD)).status).toBe(200);
  });

  it("refuses a weak new password with 422 and keeps the link usable", async () => {
    const { user, token } = await userWithResetLink();
    for (const weak of ["short", "password123", user.email]) {
      const response = await resetWith(token, weak);
      expect(response.status).toBe(422);
      expect((await response.json()).error.message).toBe("Choose a stronger password");
    }
    expect((await resetWith(token, NEW)).status).toBe(200);
  });

  it("verifies the address of an account that never finished signing up", async () => {
    const user = await createUser({ email: `unverified-${uniqueSuffix()}@example.test`, emailVerified: null, passwordHash: await hashPassword(OLD) });
    const since = Date.now();
    await forgot(user.email);
    const token = await emailedToken(user.email, /^Reset your Bastion password$/, "/reset-password", since);
    expect((await resetWith(token, NEW)).status).toBe(200);
    expect((await signIn(user.email, NEW)).status).toBe(200);
  });

  it("limits reset requests per email and per IP", async () => {
    const email = `flood-${uniqueSuffix()}@example.test`;
    for (let attempt = 0; attempt < 5; attempt++) expect((await forgot(email)).status).toBe(200);
    const perEmail = await forgot(email);
    expect(perEmail.status).toBe(429);
    expect(perEmail.headers.get("retry-after")).toBeTruthy();
    expect(perEmail.headers.get("ratelimit-limit")).toBe("5");

    const ip = testIp();
    for (let attempt = 0; attempt < 20; attempt++) expect((await forgot(`ip-${uniqueSuffix()}@example.test`, ip)).status).toBe(200);
    const perIp = await forgot(`ip-${uniqueSuffix()}@example.test`, ip);
    expect(perIp.status).toBe(429);
    expect(perIp.headers.get("ratelimit-limit")).toBe("20");
  });

  it("refuses cross-site reset requests", async () => {
    const { token } = await userWithResetLink();
    expect((await postJson(resetPost, "/api/v1/auth/password/reset", { token, password: NEW }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await postJson(forgotPost, "/api/v1/auth/password/forgot", { email: "a@example.test" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await resetWith(token, NEW)).status).toBe(200);
  });
});
