import { expect, it } from "vitest";
import { POST as recoveryCodesPost } from "@/app/api/v1/account/mfa/recovery-codes/route";
import { POST as confirmPost } from "@/app/api/v1/account/mfa/totp/confirm/route";
import { DELETE as totpDelete, POST as totpPost } from "@/app/api/v1/account/mfa/totp/route";
import { POST as mfaPost } from "@/app/api/v1/auth/mfa/route";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { getDb } from "../../db";
import { cookieFrom, postJson, testIp } from "../../testing/auth-api";
import { describeWith } from "../../testing/describe";
import { createSession } from "../sessions";
import { SESSION_COOKIE } from "../session-cookie";
import { call } from "../../testing/http";
import { uniqueSuffix, createUser } from "../../testing/fixtures";
import { AUTH_LIMITS, LOCKOUT_THRESHOLD } from "../limits";
import { hashPassword } from "../passwords";
import { TOTP_STEP_SECONDS, totpCodeAt } from "./totp";

const PASSWORD = "violet-anchor-97-tundra";

async function userWithPassword() {
  const user = await createUser({ email: `mfa-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
  const session = await createSession(getDb(), { userId: user.id, method: "password", ip: "127.0.0.1", userAgent: "vitest" });
  return { user, cookie: `${SESSION_COOKIE}=${session.token}` };
}

/** Enrols TOTP through the API; returns the secret and the recovery codes shown once. */
async function enrolTotp(cookie: string) {
  const started = await call(totpPost, "POST", "/api/v1/account/mfa/totp", { cookie, body: { password: PASSWORD } });
  expect(started.status).toBe(200);
  expect(started.body.qrSvg).toMatch(/^<svg/);
  expect(started.body.qrSvg).not.toMatch(/#000000|#ffffff/i);
  const secret: string = started.body.secret;
  // The code of the previous step: the sign-in that follows uses the current one.
  const confirmed = await call(confirmPost, "POST", "/api/v1/account/mfa/totp/confirm", {
    cookie,
    body: { code: totpCodeAt(secret, new Date(Date.now() - TOTP_STEP_SECONDS * 1000)) },
  });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function passwordStep(email: string, ip: string): Promise<string> {
  const response = await postJson(signInPost, "/api/v1/auth/sign-in", { email, password: PASSWORD }, { ip });
  expect(response.status).toBe(200);
  expect(response.headers.get("set-cookie")).toBeNull();
  const body = await response.json();
  expect(body.mfaRequired).toBe(true);
  return body.mfaTicket;
}

const secondStep = (mfaTicket: string, code: string, ip: string) => postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket, code }, { ip });

describeWith(["postgres", "redis"], "MFA", () => {
  it("needs re-authentication to enrol, then a password sign-in needs the code, and the same code replayed is refused", async () => {
    const { user, cookie } = await userWithPassword();
    const noPassword = await call(totpPost, "POST", "/api/v1/account/mfa/totp", { cookie, body: {} });
    expect(noPassword.status).toBe(422);
    const { secret } = await enrolTotp(cookie);
    const audit = await getDb().auditEvent.findFirst({ where: { targetId: user.id, action: "account.mfa.totp_enabled" } });
    expect(audit?.actorId).toBe(user.id);

    const ip = testIp();
    const ticket = await passwordStep(user.email, ip);
    const code = totpCodeAt(secret, new Date());
    const wrong = await secondStep(ticket, code === "000000" ? "111111" : "000000", ip);
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.details.reason).toBe("mfa_code_incorrect");

    const passed = await secondStep(ticket, code, ip);
    expect(passed.status).toBe(200);
    expect(cookieFrom(passed)).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    const signIn = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.sign_in" }, orderBy: { createdAt: "desc" } });
    expect(signIn.metadata).toMatchObject({ method: "password", secondFactor: "totp" });

    const replay = await secondStep(await passwordStep(user.email, ip), code, ip);
    expect(replay.status).toBe(401);
    expect(replay.headers.get("set-cookie")).toBeNull();

    expect((await secondStep("forged.ticket", code, ip)).status).toBe(401);

    const removed = await call(totpDelete, "DELETE", "/api/v1/account/mfa/totp", { cookie, body: { password: PASSWORD } });
    expect(removed.status).toBe(200);
    const plain = await postJson(signInPost, "/api/v1/auth/sign-in", { email: user.email, password: PASSWORD }, { ip });
    expect(plain.headers.get("set-cookie")).not.toBeNull();
  });

  it("accepts each recovery code once, and regenerating replaces them all", async () => {
    const { user, cookie } = await userWithPassword();
    const { recoveryCodes } = await enrolTotp(cookie);
    const ip = testIp();
    expect((await secondStep(await passwordStep(user.email, ip), recoveryCodes[0]!.toLowerCase(), ip)).status).toBe(200);
    expect((await secondStep(await passwordStep(user.email, ip), recoveryCodes[0]!, ip)).status).toBe(401);

    const regenerated = await call(recoveryCodesPost, "POST", "/api/v1/account/mfa/recovery-codes", { cookie, body: { password: PASSWORD } });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    expect((await secondStep(await passwordStep(user.email, ip), recoveryCodes[1]!, ip)).status).toBe(401);
    expect((await secondStep(await passwordStep(user.email, ip), regenerated.body.recoveryCodes[0], ip)).status).toBe(200);
  });

  it(`locks the account after ${LOCKOUT_THRESHOLD} wrong codes, refusing even the right one`, async () => {
    const { user, cookie } = await userWithPassword();
    const { secret } = await enrolTotp(cookie);
    const ip = testIp();
    const ticket = await passwordStep(user.email, ip);
    const right = totpCodeAt(secret, new Date());
    const wrongCode = right === "000000" ? "111111" : "000000";
    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt++) expect((await secondStep(ticket, wrongCode, ip)).status).toBe(401);
    const last = await secondStep(ticket, wrongCode, ip);
    expect(last.status).toBe(403);
    expect((await last.json()).error.details.reason).toBe("account_locked");
    const refused = await secondStep(ticket, right, ip);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("set-cookie")).toBeNull();
    const lockout = await getDb().auditEvent.findFirst({ where: { targetId: user.id, action: "auth.lockout" } });
    expect(lockout).not.toBeNull();
  });

  it("limits codes per account too, whichever addresses they come from", async () => {
    const { user, cookie } = await userWithPassword();
    const { secret } = await enrolTotp(cookie);
    const ticket = await passwordStep(user.email, testIp());
    const wrongCode = totpCodeAt(secret, new Date()) === "000000" ? "111111" : "000000";
    // The lockout would answer first; its counter starts far below the threshold so only the limit shows.
    await getDb().user.update({ where: { id: user.id }, data: { failedMfaCount: -100 } });
    const statuses: number[] = [];
    // Each attempt from a fresh address, so the per-IP limit never applies.
    for (let attempt = 0; attempt <= AUTH_LIMITS.mfaCodePerUser.points; attempt++) statuses.push((await secondStep(ticket, wrongCode, testIp())).status);
    expect(statuses.slice(0, AUTH_LIMITS.mfaCodePerUser.points - 1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
