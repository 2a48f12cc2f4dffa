import { Suspense } from "react";
import { BillingConsole } from "@/components/billing/billing-console";
import { PlansCard } from "@/components/billing/plan-comparison";
import { Alert } from "@/components/ui/alert";
import { billingSummary } from "@/lib/billing/summary";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Billing" };

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/billing", { slug });
  const summary = JSON.parse(JSON.stringify(await billingSummary(access.org.id)));
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Billing</h1>
        <p className="text-sm text-muted-foreground">The plan of {access.org.name}, its limits and invoices.</p>
      </header>
      {summary.billing === "off" ? (
        <>
          <Alert data-testid="billing-off">
            Billing is not configured on this installation: every organization is on the {summary.plan.name} plan, and nothing is sent to Stripe.
          </Alert>
          <PlansCard current={summary.plan.id} />
        </>
      ) : (
        // The console shows the plans itself: "current" follows its live summary, not this render's.
        <Suspense>
          <BillingConsole slug={access.org.slug} canManage={access.permissions.includes("billing:manage")} initial={summary} />
        </Suspense>
      )}
    </div>
  );
}
