import { SectionPage } from "@/components/console/section-page";

// Says plainly what exists until Stripe billing lands.
const BILLING_NOT_YET = { title: "Billing: coming next", text: "Every org is on the free plan. Plans, seats and invoices arrive with Stripe billing." };

export default function Page() {
  return <SectionPage segment="billing" empty={BILLING_NOT_YET} />;
}
