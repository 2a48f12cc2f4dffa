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
import { billingKeys, fetchBillingDetails, fetchBillingSummary, money, syncBillingRequest, type BillingSummary } from "@/lib/billing/queries";
import { BillingActions } from "./billing-actions";
import { UsageRow } from "./usage-row";

const STATUS: Record<string, string> = { active: "Active", trialing: "Trial", past_due: "Past due", unpaid: "Unpaid", canceled: "Canceled", paused: "Paused", incomplete: "Incomplete" };
const day = (value: string | null) => (value ? new Date(value).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : "—");

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
          <CardTitle>
            <span data-testid="billing-plan">{data.plan.name}</span>
            {data.status ? (
              <span className="ml-3 rounded bg-muted px-2 py-0.5 align-middle text-xs font-normal text-muted-foreground" data-testid="billing-status">
                {STATUS[data.status] ?? data.status}
              </span>
            ) : null}
          </CardTitle>
          <CardDescription>
            {subscription?.status === "trialing" && subscription.trialEnd ? `Trial ends ${day(subscription.trialEnd)}. ` : null}
            {subscription?.cancelAtPeriodEnd ? `Cancels at the end of the period (${day(subscription.currentPeriodEnd)}). ` : null}
            {live && subscription && ["past_due", "unpaid"].includes(subscription.status) ? "The last payment failed; Stripe retries it. " : null}
            {live && subscription && !subscription.cancelAtPeriodEnd && subscription.status !== "unpaid" ? `Renews ${day(subscription.currentPeriodEnd)}.` : null}
            {!live ? "No paid subscription." : null}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">Next invoice</dt>
              <dd data-testid="next-invoice">{details.data?.nextInvoice ? `${money(details.data.nextInvoice.amountDue, details.data.nextInvoice.currency)} on ${day(details.data.nextInvoice.date)}` : "None"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Payment method</dt>
              <dd data-testid="payment-method">{details.data?.paymentMethod ? `${details.data.paymentMethod.brand} ···· ${details.data.paymentMethod.last4}, expires ${details.data.paymentMethod.expMonth}/${details.data.paymentMethod.expYear}` : "None"}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Seats billed</dt>
              <dd data-testid="seats-billed">{subscription && live ? subscription.quantity : "—"}</dd>
            </div>
          </dl>
          {canManage ? <BillingActions slug={slug} currentPlan={data.plan.id} hasBillingAccount={data.hasBillingAccount} live={live} /> : null}
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
          {details.data && details.data.invoices.length === 0 ? <p className="text-sm text-muted-foreground">No invoices yet.</p> : null}
          <table className="w-full text-left text-sm">
            {details.data && details.data.invoices.length > 0 ? (
              <thead className="text-xs text-muted-foreground">
                <tr>
                  <th className="py-2 font-medium">Invoice</th>
                  <th className="py-2 font-medium">Date</th>
                  <th className="py-2 text-right font-medium">Amount</th>
                  <th className="py-2 pl-4 font-medium">Status</th>
                  <th className="py-2">
                    <span className="sr-only">Links</span>
                  </th>
                </tr>
              </thead>
            ) : null}
            <tbody className="divide-y divide-border">
              {details.data?.invoices.map((invoice) => (
                <tr key={invoice.id} data-testid="invoice-row">
                  <td className="py-2">{invoice.number ?? invoice.id}</td>
                  <td className="py-2 text-muted-foreground">{day(invoice.created)}</td>
                  <td className="py-2 text-right tabular-nums">{money(invoice.amountDue, invoice.currency)}</td>
                  <td className="py-2 pl-4 text-muted-foreground">{invoice.status ? invoice.status.charAt(0).toUpperCase() + invoice.status.slice(1) : "—"}</td>
                  <td className="py-2 text-right">
                    {invoice.hostedUrl ? <a className="underline" href={invoice.hostedUrl} target="_blank" rel="noreferrer">View</a> : null}
                    {invoice.pdfUrl ? <a className="ml-3 underline" href={invoice.pdfUrl} target="_blank" rel="noreferrer">PDF</a> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
