import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api-client";
import { safeRedirectPath } from "@/lib/auth/redirect";

/** An API refusal in words; a list of reasons (password policy) under the message. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "Something went wrong; try again.";
  const reasons = error instanceof ApiError && Array.isArray(error.details) && error.details.every((item) => typeof item === "string") ? (error.details as string[]) : [];
  return (
    <Alert variant="error">
      <p>{message}</p>
      {reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** The `details.reason` of an API refusal, if it has one. */
export function refusalReason(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || typeof error.details !== "object" || error.details === null) return undefined;
  const reason = (error.details as { reason?: unknown }).reason;
  return typeof reason === "string" ? reason : undefined;
}

/** Where an "SSO required" refusal sends the browser (a same-site path only), if it is one. */
export function ssoSignInPath(error: unknown): string | undefined {
  if (refusalReason(error) !== "sso_required") return undefined;
  const path = ((error as ApiError).details as { signInPath?: unknown }).signInPath;
  return typeof path === "string" ? safeRedirectPath(path, "/sign-in") : undefined;
}
