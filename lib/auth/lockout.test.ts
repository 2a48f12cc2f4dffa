import { expect, it } from "vitest";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { POST as unlockPost } from "@/app/api/v1/auth/unlock/route";
import { getDb } from "../db";
import { reset } from "../rate-limit/limiter";
import { emailedToken, postJson, testIp } from "../testing/auth-api";
import { describeWith } from "../testing/describe";
import { createUser, uniqueSuffix } from "../testing/fixtures";
import { linkIn, waitForTestMail } from "../testing/mail";
import { AUTH_LIMITS, LOCKOUT_BASE_MS, LOCKOUT_THRESHOLD } from "./limits";
import { hashPassword } from "./passwords";

const PASSWORD = "violet-anchor-97-tundra";
const LOCKED = /^This account is locked after too many failed sign-in attempts/;
const signIn = (email: string, password: string) => postJson(signInPost, "/api/v1/auth/sign-in", { email, password }, { ip: testIp() });
const unlock = (token: string) => postJson(unlockPost, "/api/v1/auth/unlock", { token }, { ip: testIp() });

async function failUntilLocked(email: string): Promise<Response> {
  for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt++) {
    const response = await signIn(email, `wrong-password-${attempt}`);
    expect(response.status).toBe(401);
  }
  return signIn(email, "wrong-password-last");
}

async function lockedUntilOf(userId: string): Promise<number> {
  return (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).lockedUntil!.getTime();
}

describeWith(["postgres", "redis"], "account lockout", () => {
  it("locks after 10 wrong passwords, emails an unlock link, refuses even the right password, and doubles the next lock", async () => {
    const user = await createUser({ email: `lock-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
    const since = Date.now();

    const started = Date.now();
    const tenth = await failUntilLocked(user.email);
    expect(tenth.status).toBe(403);
    const body = await tenth.json();
    expect(body.error).toMatchObject({ code: "forbidden", details: { reason: "account_locked" } });
    expect(body.error.message).toMatch(LOCKED);
    expect(body.error.message).toContain("emailed");
    const firstLock = await lockedUntilOf(user.id);
    expect(firstLock - started).toBeGreaterThanOrEqual(LOCKOUT_BASE_MS);
    expect(firstLock - Date.now()).toBeLessThanOrEqual(LOCKOUT_BASE_MS);

    const mail = await waitForTestMail(user.email, { subject: /locked/, since });
    expect(linkIn(mail, "/unlock")).toMatch(/^http:\/\/localhost:3000\/unlock\?token=/);
    const lockout = await getDb().auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "auth.lockout" } });
    expect(lockout.metadata).toMatchObject({ lockNumber: 1 });

    const correct = await signIn(user.email, PASSWORD);
    expect(correct.status).toBe(403);
    expect((await correct.json()).error.message).toMatch(LOCKED);
    expect(correct.headers.get("set-cookie")).toBeNull();

    // The lock runs out; ten more failures lock again, for twice as long.
    await getDb().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await reset(AUTH_LIMITS.signInPerEmail, user.email);
    const secondStarted = Date.now();
    expect((await failUntilLocked(user.email)).status).toBe(403);
    const secondLock = await lockedUntilOf(user.id);
    expect(secondLock - secondStarted).toBeGreaterThanOrEqual(2 * LOCKOUT_BASE_MS);
    expect(secondLock - Date.now()).toBeLessThanOrEqual(2 * LOCKOUT_BASE_MS);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lockCount).toBe(2);
  });

  it("unlocks from the emailed link once; the count restarts and the next lock still doubles", async () => {
    const user = await createUser({ email: `unlock-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
    const since = Date.now();
    expect((await failUntilLocked(user.email)).status).toBe(403);
    const token = await emailedToken(user.email, /locked/, "/unlock", since);

    const unlocked = await unlock(token);
    expect(unlocked.status).toBe(200);
    expect(await unlocked.json()).toEqual({ unlocked: true });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedSignInCount: 0, lockCount: 1 });
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "auth.unlock" } })).toBe(1);

    const reused = await unlock(token);
    expect(reused.status).toBe(410);
    expect((await reused.json()).error.message).toMatch(/unlock link has expired or was already used/);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);

    await reset(AUTH_LIMITS.signInPerEmail, user.email);
    const relockStarted = Date.now();
    expect((await failUntilLocked(user.email)).status).toBe(403);
    expect((await lockedUntilOf(user.id)) - relockStarted).toBeGreaterThanOrEqual(2 * LOCKOUT_BASE_MS);
  });

  it("resets the failure count on a successful sign-in", async () => {
    const user = await createUser({ email: `count-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD - 1; attempt++) expect((await signIn(user.email, "wrong-password-x")).status).toBe(401);
    expect((await signIn(user.email, PASSWORD)).status).toBe(200);
    expect((await signIn(user.email, "wrong-password-y")).status).toBe(401);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedSignInCount: 1, lockedUntil: null, lockCount: 0 });
  });

  it("counts concurrent failures one by one and locks exactly once", async () => {
    const user = await createUser({ email: `race-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
    const answers = await Promise.all(Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => signIn(user.email, `wrong-password-${i}`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(LOCKOUT_THRESHOLD - 1).fill(401), 403]);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lockCount: 1, failedSignInCount: 0 });
    expect(await getDb().auditEvent.count({ where: { targetId: user.id, action: "auth.lockout" } })).toBe(1);
  });

  it("never locks, nor says 'locked' to, an address without an account", async () => {
    const email = `nobody-${uniqueSuffix()}@example.test`;
    for (let attempt = 0; attempt < LOCKOUT_THRESHOLD + 2; attempt++) {
      const response = await signIn(email, "wrong-password-z");
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toBe("Email or password is incorrect");
    }
  });
});
