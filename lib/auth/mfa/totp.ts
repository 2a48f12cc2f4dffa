// TOTP (RFC 6238) as authenticator apps implement it: SHA-1, 6 digits, 30-second steps.
// A code is accepted for the current step and one step either side (clock drift), and
// verification reports which step matched so the caller can refuse it next time (replay).
import { authenticator } from "otplib";

export const TOTP_STEP_SECONDS = 30;
const ISSUER = "Bastion";

function at(now: Date) {
  return authenticator.clone({ step: TOTP_STEP_SECONDS, window: 1, epoch: now.getTime() });
}

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return authenticator.keyuri(accountName, ISSUER, secret);
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code for `now`; used by tests and never by the server to answer a request. */
export function totpCodeAt(secret: string, now: Date): string {
  return at(now).generate(secret);
}

/**
 * The time step the code belongs to, or null when it matches none within ±1 step or is
 * at or before `lastAcceptedStep` (a replay of a code already used).
 */
export function matchTotp(secret: string, code: string, now: Date, lastAcceptedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = at(now).checkDelta(code, secret);
  if (delta === null) return null;
  const step = totpStepAt(now) + delta;
  if (lastAcceptedStep !== null && step <= lastAcceptedStep) return null;
  return step;
}
