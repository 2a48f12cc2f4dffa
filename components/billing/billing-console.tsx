"use client";
// The billing console's live part: plan and status, use against the plan's limits, the
// next invoice, the payment method and invoices (from Stripe), and the actions. Back from
// Checkout (?checkout=success) it asks the server to re-read the subscription from Stripe;
// the redirect itself grants nothing.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import { isPlanId, PLANS } from "@/lib/billing/plans";
import { billingDay, billingKeys, cardBrandName, fetchBillingDetails, fetchBillingSummary, money, syncBillingRequest, type BillingDetails, type BillingSummary } from "@/lib/billing/queries";
import { ApiUsageChart } from "./api-usage-chart";
import { BillingActions } from "./billing-actions";
import { InvoiceTable } from "./invoice-table";
import { PlansCard } from "./plan-comparison";
import { UsageRow } from "./usage-row";

const STATUS: Record<string, { text: string; tone: Tone }> = {
  active: { text: "Active", tone: "good" },
  trialing: { text: "Trial", tone: "neutral" },
  past_due: { text: "Past due", tone: "bad" },
  unpaid: { text: "Unpaid", tone: "bad" },
  canceled: { text: "Canceled", tone: "neutral" },
  paused: { text: "Paused", tone: "warn" },
  incomplete: { text: "Incomplete", tone: "warn" },
};

type Subscription = NonNullable<BillingSummary["subscription"]>;
type NextInvoice = BillingDetails["nextInvoice"];

/** One sentence on what happens next and what it costs, from the stored subscription and Stripe's invoice preview. */
function nextStep(subscription: Subscription | null, live: boolean, next: NextInvoice | undefined): string {
  if (!subscription) return "No paid subscription.";
  if (!live) return `The ${isPlanId(subscription.plan) ? PLANS[subscription.plan].name : subscription.plan} subscription has ended; Free limits apply and nothing was deleted. Subscribe again below; past invoices stay listed.`;
  const then = next ? `${money(next.amountDue, next.currency)}${subscription.interval ? ` a ${subscription.interval}` : ""}` : null;
  if (subscription.status === "trialing" && subscription.trialEnd) {
    if (subscription.cancelAtPeriodEnd) return `Trial ends ${billingDay(subscription.trialEnd)}; the subscription cancels then and nothing is charged.`;
    return `Trial ends ${billingDay(subscription.trialEnd)}${then ? `; then ${then}` : ""}.`;
  }
  if (subscription.cancelAtPeriodEnd) return `Cancels on ${billingDay(subscription.currentPeriodEnd)}; nothing more is charged.`;
  if (["past_due", "unpaid"].includes(subscription.status)) return "The last payment failed; Stripe retries it. Update the payment method in Manage billing.";
  return `Renews ${billingDay(subscription.currentPeriodEnd)}${next ? ` for ${money(next.amountDue, next.currency)}` : ""}.`;
}

export function BillingConsole({ slug, canManage, initial }: { slug: string; canManage: boolean; initial: BillingSummary }) {
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const summary = useQuery({ queryKey: billingKeys.summary(slug), queryFn: () => fetchBillingSummary(slug), initialData: initial });
  const details = useQuery({ queryKey: billingKeys.details(slug), queryFn: () => fetchBillingDetails(slug) });
  const sync = useMutation({ mutationFn: () => syncBillingRequest(slug), onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all(slug) }) });
  const synced = useRef(false);
  useEffect(() => {
    if (params.get("checkout") !== "success" || synced.current) return;
    synced.current = true;
    sync.mutate();
  }, [params, sync]);

  const data = summary.data;
  const subscription = data.subscription;
  const live = subscription !== null && !["canceled", "incomplete_expired"].includes(subscription.status);
  return (
    <div className="flex flex-col gap-6">
      <ApiErrorAlert error={summary.error ?? details.error ?? sync.error} />
      {params.get("checkout") === "success" && data.plan.id === "free" ? <Alert>Waiting for Stripe to confirm the payment…</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-3">
            <span data-testid="billing-plan">{data.plan.name}</span>
            {data.status ? (
              <StatusBadge tone={STATUS[data.status]?.tone ?? "neutral"} testId="billing-status">
                {STATUS[data.status]?.text ?? data.status}
              </StatusBadge>
            ) : null}
          </CardTitle>
          <CardDescription data-testid="billing-next-step">{nextStep(subscription, live, details.data?.nextInvoice)}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {live && subscription ? (
            <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
              <div className="flex flex-col gap-1">
                <dt className="text-muted-foreground">Next invoice</dt>
                <dd data-testid="next-invoice">{details.data?.nextInvoice ? `${money(details.data.nextInvoice.amountDue, details.data.nextInvoice.currency)} on ${billingDay(details.data.nextInvoice.date)}` : details.isPending ? "…" : "None"}</dd>
              </div>
              <div className="flex flex-col gap-1">
                <dt className="text-muted-foreground">Payment method</dt>
                <dd data-testid="payment-method">
                  {details.data?.paymentMethod
                    ? `${cardBrandName(details.data.paymentMethod.brand)} ···· ${details.data.paymentMethod.last4}, expires ${String(details.data.paymentMethod.expMonth).padStart(2, "0")}/${details.data.paymentMethod.expYear}`
                    : details.isPending ? "…" : "None"}
                </dd>
              </div>
              <div className="flex flex-col gap-1">
                <dt className="text-muted-foreground">Seats billed</dt>
                <dd data-testid="seats-billed">{subscription.quantity}</dd>
              </div>
            </dl>
          ) : null}
          {canManage ? <BillingActions slug={slug} currentPlan={data.plan.id} live={live} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Usage</CardTitle>
          <CardDescription>Against the {data.plan.name} plan&apos;s limits. API requests count this calendar month (UTC) and lag by up to two minutes.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <UsageRow label="Seats" use={data.usage.seats} testId="usage-seats" />
          <UsageRow label="Secrets" use={data.usage.secrets} testId="usage-secrets" />
          <UsageRow label="Integration connections" use={data.usage.integrations} testId="usage-integrations" />
          <UsageRow label="API requests this month" use={data.usage.apiRequestsThisMonth} testId="usage-api" />
          <section className="mt-3 flex flex-col gap-3 border-t border-border pt-5" aria-labelledby="api-usage-heading">
            <h3 id="api-usage-heading" className="text-sm font-medium">
              API requests per day
            </h3>
            <ApiUsageChart days={data.usage.apiRequestsPerDay} used={data.usage.apiRequestsThisMonth.used} monthlyQuota={data.usage.apiRequestsThisMonth.limit} />
          </section>
          <a className="text-sm underline" href={`/api/v1/orgs/${slug}/usage/report?format=csv`} download>
            Download this month&apos;s usage report (CSV)
          </a>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Invoices</CardTitle>
        </CardHeader>
        <CardContent>
          <InvoiceTable invoices={details.data?.invoices} loading={details.isPending} />
        </CardContent>
      </Card>
      <PlansCard current={data.plan.id} />
    </div>
  );
}
