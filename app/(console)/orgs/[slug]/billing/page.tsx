import { SectionPage } from "@/components/console/section-page";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Billing" };

// Says plainly what exists until Stripe billing lands.
const BILLING_NOT_YET = { title: "Billing: coming next", text: "Every org is on the free plan. Plans, seats and invoices arrive with Stripe billing." };

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageAccess("orgs/[slug]/billing", { slug });
  return <SectionPage segment="billing" empty={BILLING_NOT_YET} />;
}
