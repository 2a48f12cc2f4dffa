// The banner every console page shows to members who see billing while a payment has
// failed (grace period) or a paid plan has lapsed to Free.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

import type { DunningState } from "@/lib/billing/dunning";

export function DunningBanner({ slug, state }: { slug: string; state: DunningState }) {
  const link = (
    <Link href={`/orgs/${slug}/billing`} className="font-medium underline">
      Update billing
    </Link>
  );
  if (state.lapsedFrom) {
    return (
      <Alert variant="error" className="mb-6" data-testid="dunning-banner">
        The {state.lapsedFrom} plan has ended; Free limits apply. Nothing was deleted: what is above the Free limits is read-only until you upgrade. {link}
      </Alert>
    );
  }
  if (!state.graceEndsAt) return null;
  return (
    <Alert variant="error" className="mb-6" data-testid="dunning-banner">
      A payment failed. The {state.planName} plan stays active until {new Date(state.graceEndsAt).toUTCString()}; after that Free limits apply. {link}
    </Alert>
  );
}
