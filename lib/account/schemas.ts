// Request bodies of the account API. Limits are generous but bounded: a password is
// checked by the policy (lib/auth/passwords.ts), not here, so the user gets its reasons.
import { z } from "zod";
import { idParam, text } from "../validation/text";

export const updateAccountBody = z
  .object({
    name: text().trim().min(1, "Enter your name").max(100, "Use at most 100 characters").optional(),
    /** Product telemetry opt-out (lib/telemetry). */
    telemetryOptOut: z.boolean().optional(),
  })
  .refine((body) => body.name !== undefined || body.telemetryOptOut !== undefined, { message: "Nothing to change", path: ["name"] });

export const changePasswordBody = z.object({
  /** Absent for users who have no password yet (magic link or SSO only). */
  currentPassword: text().max(1024).optional(),
  newPassword: text().min(1, "Enter a new password").max(1024),
});

export const requestEmailChangeBody = z.object({
  email: z.email("Enter a valid email address").max(254),
});

export const confirmEmailChangeBody = z.object({
  token: text().min(10).max(200),
});

export const sessionParams = z.object({
  id: idParam(),
});

export const deleteAccountBody = z.object({
  confirmation: text().max(100),
  password: text().max(1024).optional(),
});
