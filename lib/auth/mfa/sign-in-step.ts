// The one place that decides whether a proven first factor becomes a session now or a
// pending ticket that waits for the second factor, and that completes the second step.
import "server-only";
import { recordAudit } from "../../audit/record";
import { getDb, type Tx } from "../../db";
import { AppError } from "../../errors";
import { auditMeta, type AuthContext } from "../auth-context";
import { enforceLimits } from "../enforce-limits";
import { AUTH_LIMITS } from "../limits";
import { accountLocked } from "../refusals";
import { readSessionCookie } from "../session-cookie";
import { revokeSessionByToken, type SessionMethod } from "../sessions";
import { startSession } from "../start-session";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { Invalid } from "../../errors";
import { hasSecondFactor, verifyPasskeyFactor, verifySecondFactor } from "./factors";
import { passkeyAuthenticationOptions } from "./passkeys";
import { issuePendingTicket, readPendingTicket } from "./pending";

export type FirstFactorOutcome =
  | { kind: "session"; userId: string; sessionId: string; setCookie: string }
  | { kind: "mfa_required"; userId: string; mfaTicket: string };

/** Ends the browser's previous session, starts a new one and audits the sign-in. */
export async function openSession(tx: Tx, userId: string, method: SessionMethod, ctx: AuthContext, metadata: Record<string, string> = {}) {
  const previousToken = readSessionCookie(ctx.request);
  // A session this browser still held (perhaps someone else's) ends here.
  if (previousToken) await revokeSessionByToken(tx, previousToken);
  const started = await startSession(tx, ctx.request, userId, method);
  await recordAudit(tx, { action: "auth.sign_in", actorId: userId, targetType: "session", targetId: started.sessionId, ...auditMeta(ctx), metadata: { method, ...metadata } });
  return started;
}

/**
 * Called once the first factor passed. `onSuccess` runs in the session's transaction
 * (e.g. resetting failure counters) whichever way it goes.
 */
export async function afterFirstFactor(
  userId: string,
  method: SessionMethod,
  ctx: AuthContext,
  onSuccess: (tx: Tx) => Promise<void> = async () => {},
): Promise<FirstFactorOutcome> {
  if (await hasSecondFactor(userId)) {
    await getDb().$transaction(onSuccess);
    return { kind: "mfa_required", userId, mfaTicket: issuePendingTicket(userId, method) };
  }
  const started = await getDb().$transaction(async (tx) => {
    await onSuccess(tx);
    return openSession(tx, userId, method, ctx);
  });
  return { kind: "session", userId, ...started };
}

export function mfaTicketExpired(): AppError {
  return new AppError("unauthorized", "Your sign-in step expired; sign in again.", { reason: "mfa_ticket_expired" });
}

export function incorrectMfaCode(): AppError {
  return new AppError("unauthorized", "That code is not right, or it was already used.", { reason: "mfa_code_incorrect" });
}

/** At the MFA step: options to sign the pending user's passkey challenge with. */
export async function passkeyOptionsForTicket(mfaTicket: string, request: Request): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const pending = readPendingTicket(mfaTicket);
  if (!pending) throw mfaTicketExpired();
  const options = await passkeyAuthenticationOptions(pending.userId, request);
  if (!options) throw new Invalid("This account has no passkey; enter a code instead");
  return options;
}

/** The second step: a valid ticket and a correct code (or passkey assertion) open the session. */
export async function completeSecondFactor(input: { mfaTicket: string; code?: string; passkey?: AuthenticationResponseJSON }, ctx: AuthContext): Promise<{ userId: string; sessionId: string; setCookie: string }> {
  const pending = readPendingTicket(input.mfaTicket);
  if (!pending) throw mfaTicketExpired();
  const user = await getDb().user.findUnique({ where: { id: pending.userId }, select: { deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw mfaTicketExpired();
  await enforceLimits([[AUTH_LIMITS.mfaCodePerUser, pending.userId]]);
  if (!input.code && !input.passkey) throw new Invalid("Enter the code", [{ path: "code", message: "Enter the code", in: "body" }]);
  const result = input.passkey ? await verifyPasskeyFactor(pending.userId, input.passkey, ctx) : await verifySecondFactor(pending.userId, input.code!, ctx);
  if (!result.ok) throw result.reason === "account_locked" ? accountLocked() : incorrectMfaCode();
  const started = await getDb().$transaction((tx) => openSession(tx, pending.userId, pending.method, ctx, { secondFactor: result.method }));
  return { userId: pending.userId, ...started };
}
