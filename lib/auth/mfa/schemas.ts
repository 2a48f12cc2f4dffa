// Request bodies of the MFA endpoints (sign-in step and account factor management).
import { z } from "zod";
import { text } from "../../validation/text";

const code = text().trim().min(1, "Enter the code").max(20);

export const mfaSignInBody = z.object({
  mfaTicket: text().min(10).max(1000),
  code,
  next: text().max(2048).optional(),
});

/** Re-authentication: absent for password-less accounts, who need a recent sign-in instead. */
export const reauthBody = z.object({ password: text().max(1024).optional() });

export const confirmTotpBody = z.object({ code });
