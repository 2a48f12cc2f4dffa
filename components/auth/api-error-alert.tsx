import { Alert } from "@/components/ui/alert";
import { formLevelMessage, unplacedMessages } from "@/components/ui/field-errors";
import { ApiError } from "@/lib/api-client";
import { safeRedirectPath } from "@/lib/auth/redirect";

/** What the pipeline says when a schema refuses the input: the details say what is wrong. */
const GENERIC_REFUSALS = new Set(["Invalid body", "Invalid query", "Invalid params", "The request is invalid"]);

/**
 * An API refusal in words; a list of reasons (password policy, or field messages the form
 * has no field for) under the message. With `fields`, details for those fields are left to
 * the fields themselves, and nothing shows when every detail has its field.
 */
export function ApiErrorAlert({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  if (!error) return null;
  if (fields.length > 0 && formLevelMessage(error, fields) === null) return null;
  const policyReasons = error instanceof ApiError && Array.isArray(error.details) && error.details.every((item) => typeof item === "string") ? (error.details as string[]) : [];
  const reasons = policyReasons.length > 0 ? policyReasons : unplacedMessages(error, fields);
  const raw = error instanceof Error ? error.message : "Something went wrong; try again.";
  const message = GENERIC_REFUSALS.has(raw) ? (reasons.length > 0 ? "Check what you entered:" : "Check the highlighted fields.") : raw;
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
