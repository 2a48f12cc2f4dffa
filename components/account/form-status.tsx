"use client";

import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api-client";

/** A form's outcome: the API's message when it failed, `success` when it worked. */
export function FormStatus({ error, success }: { error: unknown; success?: string | null }) {
  if (error) {
    const message = error instanceof ApiError ? error.message : "Something went wrong; try again.";
    return <Alert variant="error">{message}</Alert>;
  }
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
