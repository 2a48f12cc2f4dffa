import { ApiError } from "@/lib/api-client";

/**
 * The API's field-level refusals (`details: [{ path, message }]` from validation) as a map
 * from field path to message, so a form can show each next to its input. `rename` maps an
 * API path to the form's field name where they differ (e.g. { slug: "urlName" }).
 */
export function fieldErrors(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const item of error.details) {
    if (typeof item !== "object" || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof path !== "string" || typeof message !== "string") continue;
    const field = rename[path] ?? path;
    errors[field] ??= message;
    // An item of a list ("allowedDomains.2") also marks the list's own field.
    const root = path.split(".")[0]!;
    if (root !== path) errors[rename[root] ?? root] ??= message;
  }
  return errors;
}

/** The messages of details that found no field on the form (they go in the form-level alert). */
export function unplacedMessages(error: unknown, fields: readonly string[]): string[] {
  const byField = fieldErrors(error);
  const messages = Object.entries(byField)
    .filter(([path]) => !fields.includes(path) && !fields.includes(path.split(".")[0]!) && !path.includes("."))
    .map(([, message]) => message);
  return [...new Set(messages)];
}

/** The refusal's message unless every detail found a field of its own (then the fields say it). */
export function formLevelMessage(error: unknown, fields: readonly string[]): string | null {
  if (!error) return null;
  const byField = fieldErrors(error);
  const unplaced = Object.keys(byField).filter((path) => !fields.includes(path) && !fields.includes(path.split(".")[0]!));
  if (Object.keys(byField).length > 0 && unplaced.length === 0) return null;
  return error instanceof Error ? error.message : "Something went wrong; try again.";
}
