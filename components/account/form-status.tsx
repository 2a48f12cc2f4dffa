"use client";

import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Alert } from "@/components/ui/alert";

/**
 * A form's outcome: the API's message when it failed (less what the `fields` show under
 * themselves), `success` when it worked.
 */
export function FormStatus({ error, success, fields }: { error: unknown; success?: string | null; fields?: readonly string[] }) {
  if (error) return <ApiErrorAlert error={error} fields={fields} />;
  return success ? <Alert variant="success">{success}</Alert> : null;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A timestamp in the reader's locale and time zone (which the server cannot know). */
export function LocalTime({ value }: { value: string }) {
  return (
    <time dateTime={value} suppressHydrationWarning>
      {dateFormat.format(new Date(value))}
    </time>
  );
}
