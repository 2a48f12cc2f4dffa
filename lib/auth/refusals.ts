// The ways a password sign-in (or sign-up) is refused, in one place so every path that
// refuses for the same reason answers with the same status, code and words.
// The error vocabulary has no "locked" or "sso_required" code, so these are 401/403
// answers whose `details.reason` tells the sign-in page what to do next.
import { AppError, Invalid } from "../errors";

/** Wrong password and unknown email alike: identical status and body. */
export function incorrectCredentials(): AppError {
  return new AppError("unauthorized", "Email or password is incorrect");
}

export function accountLocked(): AppError {
  return new AppError(
    "forbidden",
    "This account is locked after too many failed sign-in attempts. We emailed its owner a link to unlock it; otherwise try again later.",
    { reason: "account_locked" },
  );
}

export function emailUnverified(): AppError {
  return new AppError("forbidden", "Verify your email address first: open the link we emailed you, or ask for a new one.", { reason: "email_unverified" });
}

export function accountDeactivated(): AppError {
  return new AppError("forbidden", "This account is deactivated.", { reason: "account_deactivated" });
}

/** The sign-in page sends the browser to `signInPath`, the org's identity provider. */
export function ssoRequired(signInPath: string): AppError {
  return new AppError("forbidden", "Your organization requires single sign-on for this email address.", { reason: "sso_required", signInPath });
}

/** 422 with the policy's reasons, in words for the user, as details. */
export function weakPassword(problems: string[]): Invalid {
  return new Invalid("Choose a stronger password", problems);
}
