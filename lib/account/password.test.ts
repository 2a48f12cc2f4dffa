// POST /api/v1/account/password: re-authentication, the policy, and the other sessions ending.
import { expect, it } from "vitest";
import { POST } from "@/app/api/v1/account/password/route";
import { getDb } from "../db";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { createSession, findActiveSession } from "../auth/sessions";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { signedInUser } from "../testing/fixtures";
import { accountRequest, noParams } from "./test-requests";
import { rowsText } from "../testing/rows-text";

const OLD = "old-Passphrase-4711";
const NEW = "new-Passphrase-0815";

function post(cookie: string, body: unknown) {
  return POST(accountRequest("/api/v1/account/password", { cookie, body }), noParams);
}

describeWith(["postgres", "redis"], "account API: password change", () => {
  it("changes the password, ends every other session but this one, and audits it without secrets", async () => {
    const logs = captureLogs();
    const { user, session, cookie } = await signedInUser({ passwordHash: await hashPassword(OLD) });
    const laptop = await createSession(getDb(), { userId: user.id, method: "password", ip: "10.0.0.2", userAgent: "laptop" });
    const phone = await createSession(getDb(), { userId: user.id, method: "magic_link", ip: "10.0.0.3", userAgent: "phone" });

    const response = await post(cookie, { currentPassword: OLD, newPassword: NEW });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ otherSessionsEnded: 2 });

    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW, stored.passwordHash!)).toBe(true);
    expect(await verifyPassword(OLD, stored.passwordHash!)).toBe(false);
    expect(await findActiveSession(session.token)).not.toBeNull();
    expect(await findActiveSession(laptop.token)).toBeNull();
    expect(await findActiveSession(phone.token)).toBeNull();

    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "account.password_changed" } });
    expect(audit.metadata).toEqual({ hadPassword: true, otherSessionsEnded: 2 });
    const everything = text + logs.text() + rowsText(audit);
    for (const secret of [OLD, NEW, session.token, laptop.token]) expect(everything).not.toContain(secret);
  });

  it("refuses a wrong or missing current password with 422 and keeps the old one and the sessions", async () => {
    const { user, cookie } = await signedInUser({ passwordHash: await hashPassword(OLD) });
    const other = await createSession(getDb(), { userId: user.id, method: "password", ip: null, userAgent: null });

    const wrong = await post(cookie, { currentPassword: "not-the-password-1", newPassword: NEW });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error).toMatchObject({
      code: "invalid_request",
      message: "Your current password is incorrect",
      details: [{ path: "currentPassword", message: "Your current password is incorrect", in: "body" }],
    });
    const missing = await post(cookie, { newPassword: NEW });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.details[0].path).toBe("currentPassword");

    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(OLD, stored.passwordHash!)).toBe(true);
    expect(await findActiveSession(other.token)).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "account.password_changed" } })).toBe(0);
  });

  it("refuses a weak new password with 422 naming the reasons", async () => {
    const { user, cookie } = await signedInUser({ passwordHash: await hashPassword(OLD) });
    const short = await post(cookie, { currentPassword: OLD, newPassword: "short" });
    expect(short.status).toBe(422);
    expect((await short.json()).error.details).toContainEqual({ path: "newPassword", message: "Use at least 10 characters.", in: "body" });

    const common = await post(cookie, { currentPassword: OLD, newPassword: "password123" });
    expect(common.status).toBe(422);
    expect((await common.json()).error.details).toContainEqual({ path: "newPassword", message: "This password is too common; choose another.", in: "body" });

    const ownEmail = await post(cookie, { currentPassword: OLD, newPassword: user.email.toUpperCase() });
    expect(ownEmail.status).toBe(422);
    expect((await ownEmail.json()).error.details).toContainEqual({ path: "newPassword", message: "Do not use your email address as your password.", in: "body" });

    expect(await verifyPassword(OLD, (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!)).toBe(true);
  });

  it("lets a user without a password (magic link or SSO) set one without a current password", async () => {
    const { user, cookie } = await signedInUser({ passwordHash: null });
    const response = await post(cookie, { newPassword: NEW });
    expect(response.status).toBe(200);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEW, stored.passwordHash!)).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "account.password_changed" } });
    expect(audit.metadata).toMatchObject({ hadPassword: false });
  });

  it("voids password-reset links mailed before the change", async () => {
    const { issueAuthToken, consumeAuthToken } = await import("../auth/auth-tokens");
    const { user, cookie } = await signedInUser({ passwordHash: await hashPassword(OLD) });
    const resetToken = await issueAuthToken(getDb(), { userId: user.id, purpose: "password_reset" });
    expect((await post(cookie, { currentPassword: OLD, newPassword: NEW })).status).toBe(200);
    expect(await consumeAuthToken(getDb(), resetToken, "password_reset")).toBeNull();
  });

  it("rate-limits guesses of the current password per user with 429 and Retry-After", async () => {
    const { cookie } = await signedInUser({ passwordHash: await hashPassword(OLD) });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await post(cookie, { currentPassword: `guess-number-${attempt}`, newPassword: NEW })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses[10]).toBe(429);
    const limited = await post(cookie, { currentPassword: OLD, newPassword: NEW });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
