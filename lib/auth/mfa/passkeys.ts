// Passkeys (WebAuthn credentials) as a second factor: the WebAuthn mechanics (options,
// verification). Adding and removing one is in factors.ts with the other factors.
// Each challenge is stored server-side and taken once; a response whose signature
// counter does not move forward (a cloned authenticator) is refused.
import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getDb } from "../../db";
import { Invalid, NotFound } from "../../errors";
import { logger } from "../../logger";
import type { AccountActor } from "../../account/actor";
import type { PasskeyView } from "../../account/types";
import { relyingParty, RP_NAME } from "./relying-party";
import { challengeOf, storeChallenge, takeChallenge } from "./webauthn-challenge";

export const MAX_PASSKEYS = 20;

type PasskeyRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };
export const toPasskeyView = (row: PasskeyRow): PasskeyView => ({ id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null });

export async function listPasskeys(userId: string): Promise<PasskeyView[]> {
  const rows = await getDb().passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } });
  return rows.map(toPasskeyView);
}

/** Options for navigator.credentials.create(); the caller has re-authenticated. */
export async function passkeyRegistrationOptions(userId: string, request: Request): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passkeys: { select: { credentialId: true, transports: true } } } });
  if (user.passkeys.length >= MAX_PASSKEYS) throw new Invalid(`An account can have at most ${MAX_PASSKEYS} passkeys`);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(request).rpId,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    // The same authenticator twice would only look like two factors.
    excludeCredentials: user.passkeys.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(userId, "registration", options.challenge);
  return options;
}

export const refusedRegistration = () => new Invalid("The passkey could not be verified; try again", [{ path: "response", message: "Not verified", in: "body" }]);

export type VerifiedCredential = { credentialId: string; publicKey: Uint8Array<ArrayBuffer>; counter: number; transports: string[] };

/** Checks the browser's registration against a challenge this user was given (taken once). */
export async function verifyPasskeyRegistration(userId: string, response: RegistrationResponseJSON, request: Request): Promise<VerifiedCredential> {
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await takeChallenge(userId, "registration", challenge))) throw refusedRegistration();
  try {
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty(request).origin,
      expectedRPID: relyingParty(request).rpId,
      requireUserVerification: false,
    });
    if (!verified.verified || !verified.registrationInfo) throw new Error("not verified");
    const { credential } = verified.registrationInfo;
    return { credentialId: credential.id, publicKey: new Uint8Array(credential.publicKey), counter: credential.counter, transports: credential.transports ?? [] };
  } catch (error) {
    logger.info({ reason: (error as Error).message }, "passkey registration refused");
    throw refusedRegistration();
  }
}

export async function renamePasskey(actor: AccountActor, id: string, name: string): Promise<PasskeyView> {
  const { count } = await getDb().passkey.updateMany({ where: { id, userId: actor.userId }, data: { name } });
  if (count === 0) throw new NotFound("Passkey");
  const row = await getDb().passkey.findUniqueOrThrow({ where: { id } });
  return toPasskeyView(row);
}

/** Options for navigator.credentials.get() at the MFA step: only this user's passkeys. */
export async function passkeyAuthenticationOptions(userId: string, request: Request): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await getDb().passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(request).rpId,
    allowCredentials: passkeys.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
    userVerification: "preferred",
  });
  await storeChallenge(userId, "authentication", options.challenge);
  return options;
}

/**
 * True when the assertion is from one of the user's passkeys, for a challenge they were
 * given, with a counter that moved forward; records its use. Never throws for a bad response.
 */
export async function verifyPasskeyAssertion(userId: string, response: AuthenticationResponseJSON, request: Request, now = new Date()): Promise<boolean> {
  const passkey = await getDb().passkey.findFirst({ where: { userId, credentialId: response.id } });
  const challenge = challengeOf(response.response?.clientDataJSON ?? "");
  if (!passkey || !challenge || !(await takeChallenge(userId, "authentication", challenge, now))) return false;
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: relyingParty(request).origin,
      expectedRPID: relyingParty(request).rpId,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports as AuthenticatorTransportFuture[] },
      requireUserVerification: false,
    });
    if (!verified) return false;
    const newCounter = BigInt(authenticationInfo.newCounter);
    // The library refuses a counter that went backwards; a conditional update also stops two racing uses.
    const { count } = await getDb().passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      data: { counter: newCounter, lastUsedAt: now },
    });
    return count === 1;
  } catch (error) {
    logger.info({ reason: (error as Error).message }, "passkey assertion refused");
    return false;
  }
}
