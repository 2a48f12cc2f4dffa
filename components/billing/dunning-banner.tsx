// The banner every console page shows to members who see billing while a payment has
// failed (grace period), a paid plan has lapsed to Free, or the org has passed 80 % of
// its monthly API requests.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

import type { ApiQuotaWarning, DunningState } from "@/lib/billing/dunning";

const day = (iso: string) => new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

function ApiQuotaBanner({ slug, warning, planName }: { slug: string; warning: ApiQuotaWarning; planName: string }) {
  const share = Math.floor((warning.used / warning.allowed) * 100);
  return (
    <Alert className="mb-6" data-testid="api-quota-banner">
      This organization has made {warning.used.toLocaleString("en")} of the {warning.allowed.toLocaleString("en")} API requests the {planName} plan includes this month ({share} %).
      {warning.used >= warning.allowed ? " API requests are refused" : " At the limit, API requests are refused"} until {day(warning.resetsAt)}.{" "}
      <Link href={`/orgs/${slug}/billing`} className="font-medium underline">
        Upgrade
      </Link>
    </Alert>
  );
}

export function DunningBanner({ slug, state }: { slug: string; state: DunningState }) {
  const link = (
    <Link href={`/orgs/${slug}/billing`} className="font-medium underline">
      Update billing
    </Link>
  );
  const quota = state.apiQuota ? <ApiQuotaBanner slug={slug} warning={state.apiQuota} planName={state.planName} /> : null;
  if (state.lapsedFrom) {
    return (
      <>
        <Alert variant="error" className="mb-6" data-testid="dunning-banner">
          The {state.lapsedFrom} plan has ended; Free limits apply. Nothing was deleted: what is above the Free limits is read-only until you upgrade. {link}
        </Alert>
        {quota}
      </>
    );
  }
  if (!state.graceEndsAt) return quota;
  return (
    <>
      <Alert variant="error" className="mb-6" data-testid="dunning-banner">
        A payment failed. The {state.planName} plan stays active until {day(state.graceEndsAt)}; after that Free limits apply. {link}
      </Alert>
      {quota}
    </>
  );
}
