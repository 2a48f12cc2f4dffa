// The second factors of an account: TOTP enrolment and removal, passkeys added and
// removed (WebAuthn mechanics in passkeys.ts), recovery codes, and the check of a code or
// passkey at sign-in. Enabling or disabling a factor needs re-authentication
// (the current password, or for password-less accounts a sign-in within the last
// REAUTH_WINDOW_MS). Every change is a user-level audit event (no org applies).
import "server-only";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { recordAudit } from "../../audit/record";
import { getDb, type Tx } from "../../db";
import { Conflict, Forbidden, Invalid, NotFound } from "../../errors";
import { auditFields, type AccountActor } from "../../account/actor";
import { assertCurrentPassword } from "../../account/current-password";
import type { MfaStatusView, PasskeyView } from "../../account/types";
import type { AuthContext } from "../auth-context";
import { isLocked, recordFailedMfaCode } from "../lockout";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { listPasskeys, verifyPasskeyAssertion, verifyPasskeyRegistration } from "./passkeys";
import { matchTotp, newTotpSecret, totpUri } from "./totp";
import { readTotpSecret, sealTotpSecret } from "./totp-secret";

/** A password-less account may change its factors this long after signing in. */
export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

export async function assertReauthenticated(actor: AccountActor, password: string | undefined, now = new Date()): Promise<void> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (user.passwordHash) return assertCurrentPassword(actor.userId, user.passwordHash, password, "password");
  const session = await getDb().session.findUnique({ where: { id: actor.sessionId }, select: { createdAt: true } });
  if (!session || now.getTime() - session.createdAt.getTime() > REAUTH_WINDOW_MS) {
    throw new Forbidden("Sign in again to change two-factor authentication (your sign-in is older than 10 minutes)");
  }
}

export type MfaStatus = MfaStatusView;

export async function mfaStatus(userId: string): Promise<MfaStatus> {
  const [user, recoveryCodesLeft, passkeys] = await Promise.all([
    getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    getDb().mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
    listPasskeys(userId),
  ]);
  return { totp: user.totpEnabledAt !== null, recoveryCodesLeft, passkeys };
}

/** Whether sign-ins of this user ask for a second factor: TOTP or at least one passkey. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  return (await usersWithSecondFactor([userId])).has(userId);
}

/** Which of these users have a second factor; keep in step with secondFactorSql. */
async function usersWithSecondFactor(userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const [totp, passkeys] = await Promise.all([
    getDb().user.findMany({ where: { id: { in: userIds }, totpEnabledAt: { not: null } }, select: { id: true } }),
    getDb().passkey.findMany({ where: { userId: { in: userIds } }, distinct: ["userId"], select: { userId: true } }),
  ]);
  return new Set([...totp.map((user) => user.id), ...passkeys.map((passkey) => passkey.userId)]);
}

/**
 * The same rule as a SQL boolean over a "User" row aliased `user`, for lists that read a
 * page of users in one query (the members list is on the API's hot path).
 */
export function secondFactorSql(user: string): string {
  return `(${user}."totpEnabledAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "Passkey" pk WHERE pk."userId" = ${user}.id))`;
}

/** Step 1 of enrolment: a fresh secret to show as a QR code and manual key. Not live until confirmed. */
export async function startTotpEnrollment(actor: AccountActor, password: string | undefined): Promise<{ secret: string; uri: string }> {
  await assertReauthenticated(actor, password);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new Conflict("An authenticator app is already set up; remove it first");
  const secret = newTotpSecret();
  const totpSecretEncrypted = await sealTotpSecret(actor.userId, secret);
  await getDb().user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpSecretEncrypted, totpLastStep: null } });
  return { secret, uri: totpUri(secret, user.email) };
}

/**
 * Step 2: the first code from the app proves it holds the secret. Turns TOTP on and
 * issues recovery codes when the account has none, returned once for display.
 */
export async function confirmTotpEnrollment(actor: AccountActor, code: string, now = new Date()): Promise<{ recoveryCodes: string[] | null }> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, totpSecret: true, totpSecretEncrypted: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new Conflict("An authenticator app is already set up");
  const secret = await readTotpSecret(user);
  if (!secret) throw new Invalid("Start setting up the authenticator app first");
  const step = matchTotp(secret, code.trim(), now, null);
  if (step === null) throw new Invalid("That code is not right; check the time on your device and try again", [{ path: "code", message: "Incorrect code", in: "body" }]);
  return getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: now, totpLastStep: step } });
    const existing = await tx.mfaRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    const recoveryCodes = existing > 0 ? null : await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, { action: "account.mfa.totp_enabled", targetType: "user", targetId: actor.userId, ...auditFields(actor) });
    return { recoveryCodes };
  });
}

export async function disableTotp(actor: AccountActor, password: string | undefined): Promise<void> {
  await assertReauthenticated(actor, password);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpSecret: null, totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null } });
    await dropRecoveryCodesWithoutFactor(tx, actor.userId);
    await recordAudit(tx, { action: "account.mfa.totp_disabled", targetType: "user", targetId: actor.userId, ...auditFields(actor) });
  });
}



/** Without a factor the recovery codes would bypass nothing; dropped so new ones come with the next factor. */
async function dropRecoveryCodesWithoutFactor(tx: Tx, userId: string): Promise<void> {
  const [user, passkeys] = await Promise.all([tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }), tx.passkey.count({ where: { userId } })]);
  if (!user.totpEnabledAt && passkeys === 0) await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}

/**
 * A verified registration becomes a passkey (its options needed re-authentication).
 * Issues recovery codes when the account has none, returned once for display.
 */
export async function addPasskey(actor: AccountActor, input: { name: string; response: RegistrationResponseJSON }, request: Request): Promise<{ passkey: PasskeyView; recoveryCodes: string[] | null }> {
  const credential = await verifyPasskeyRegistration(actor.userId, input.response, request);
  return getDb().$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { credentialId: credential.credentialId }, select: { id: true } })) throw new Conflict("This passkey is already registered");
    const row = await tx.passkey.create({
      data: { userId: actor.userId, credentialId: credential.credentialId, publicKey: credential.publicKey, counter: BigInt(credential.counter), transports: credential.transports, name: input.name },
    });
    const existing = await tx.mfaRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    const recoveryCodes = existing > 0 ? null : await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, { action: "account.mfa.passkey_added", targetType: "passkey", targetId: row.id, ...auditFields(actor) });
    return { passkey: { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: null }, recoveryCodes };
  });
}

export async function removePasskey(actor: AccountActor, id: string, password: string | undefined): Promise<void> {
  await assertReauthenticated(actor, password);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.passkey.deleteMany({ where: { id, userId: actor.userId } });
    if (count === 0) throw new NotFound("Passkey");
    await dropRecoveryCodesWithoutFactor(tx, actor.userId);
    await recordAudit(tx, { action: "account.mfa.passkey_removed", targetType: "passkey", targetId: id, ...auditFields(actor) });
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** New recovery codes replace all old ones; shown once. */
export async function regenerateRecoveryCodes(actor: AccountActor, password: string | undefined): Promise<string[]> {
  await assertReauthenticated(actor, password);
  if (!(await hasSecondFactor(actor.userId))) throw new Conflict("Set up two-factor authentication before creating recovery codes");
  return getDb().$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, { action: "account.mfa.recovery_codes_regenerated", targetType: "user", targetId: actor.userId, ...auditFields(actor) });
    return codes;
  });
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" | "passkey" } | { ok: false; reason: "wrong_code" | "account_locked" };

/**
 * The second step of a sign-in: a TOTP code (not one already used) or an unused recovery
 * code. Wrong codes count towards the same lockout as wrong passwords.
 */
export async function verifySecondFactor(userId: string, code: string, ctx: AuthContext, now = new Date()): Promise<SecondFactorResult> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, totpSecret: true, totpSecretEncrypted: true, totpEnabledAt: true, totpLastStep: true, lockedUntil: true },
  });
  if (isLocked(user, now)) return { ok: false, reason: "account_locked" };
  const trimmed = code.trim();
  let method: "totp" | "recovery_code" | null = null;
  const secret = user.totpEnabledAt ? await readTotpSecret(user) : null;
  if (secret) {
    const step = matchTotp(secret, trimmed, now, user.totpLastStep);
    if (step !== null) {
      // Conditional update: two requests racing with the same code cannot both win.
      const claimed = await getDb().user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step, failedMfaCount: 0 },
      });
      if (claimed.count === 1) method = "totp";
    }
  }
  if (!method && looksLikeRecoveryCode(trimmed)) {
    const spent = await getDb().mfaRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(trimmed), usedAt: null },
      data: { usedAt: now },
    });
    if (spent.count === 1) {
      method = "recovery_code";
      await getDb().user.update({ where: { id: userId }, data: { failedMfaCount: 0 } });
    }
  }
  if (!method) {
    const locked = await recordFailedMfaCode(user, ctx);
    return { ok: false, reason: locked ? "account_locked" : "wrong_code" };
  }
  return { ok: true, method };
}

/** The second step with a passkey: an assertion for a challenge this user was given. Failures count towards the lockout. */
export async function verifyPasskeyFactor(userId: string, response: AuthenticationResponseJSON, ctx: AuthContext, now = new Date()): Promise<SecondFactorResult> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, lockedUntil: true } });
  if (isLocked(user, now)) return { ok: false, reason: "account_locked" };
  if (await verifyPasskeyAssertion(userId, response, ctx.request, now)) {
    await getDb().user.update({ where: { id: userId }, data: { failedMfaCount: 0 } });
    return { ok: true, method: "passkey" };
  }
  const locked = await recordFailedMfaCode(user, ctx);
  return { ok: false, reason: locked ? "account_locked" : "wrong_code" };
}
