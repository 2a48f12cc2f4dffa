"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSetTelemetryOptOut } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

/** The per-user telemetry opt-out; the instance may also have telemetry off entirely. */
export function TelemetrySection({ account }: { account: AccountView }) {
  const update = useSetTelemetryOptOut();
  const hydrated = useHydrated();
  return (
    <Card aria-labelledby="telemetry-title">
      <CardHeader>
        <CardTitle id="telemetry-title">Product analytics</CardTitle>
        <CardDescription>
          When this instance has analytics configured, Bastion records page views and a few product events with ids only: never your
          email or name.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            // The choice shows at once; the saved value takes over when the request ends.
            checked={update.isPending ? update.variables : account.telemetryOptOut}
            disabled={!hydrated || update.isPending}
            onChange={(event) => update.mutate(event.target.checked)}
          />
          Do not send analytics about me
        </label>
        <FormStatus error={update.error} success={update.isSuccess ? "Saved." : null} />
      </CardContent>
    </Card>
  );
}
