// Request bodies of the MFA endpoints (sign-in step and account factor management).
import { z } from "zod";
import { text } from "../../validation/text";

const code = text().trim().min(1, "Enter the code").max(20);

export const passkeyName = text().trim().min(1, "Name the passkey").max(60);
const b64url = text().max(16_384).regex(/^[A-Za-z0-9_-]*$/, "Not base64url");

/** navigator.credentials.create()'s answer as @simplewebauthn/browser serialises it; the library checks the rest. */
export const registrationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(10).optional(),
    authenticatorData: b64url.optional(),
    publicKey: b64url.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
  }),
});

/** navigator.credentials.get()'s answer. */
export const authenticationResponse = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
});

export const registerPasskeyBody = z.object({ name: passkeyName, response: registrationResponse });
export const renamePasskeyBody = z.object({ name: passkeyName });
export const passkeyParams = z.object({ id: text().max(100) });
export const mfaTicketBody = z.object({ mfaTicket: text().min(10).max(1000) });


export const mfaSignInBody = z.object({
  mfaTicket: text().min(10).max(1000),
  // One of the two: a TOTP or recovery code, or a passkey's assertion.
  code: code.optional(),
  passkey: authenticationResponse.optional(),
  next: text().max(2048).optional(),
});

/** Re-authentication: absent for password-less accounts, who need a recent sign-in instead. */
export const reauthBody = z.object({ password: text().max(1024).optional() });

export const confirmTotpBody = z.object({ code });
