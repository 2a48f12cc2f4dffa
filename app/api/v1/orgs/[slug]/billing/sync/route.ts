// POST /api/v1/orgs/[slug]/billing/sync: re-reads the subscription from Stripe (the checkout
// return calls it). The same code path as a webhook: nothing is taken from the request.
import { assertBillingOn } from "@/lib/billing/checkout";
import { billingSummary } from "@/lib/billing/summary";
import { syncOrgSubscription } from "@/lib/billing/sync";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "billing:read", schemas: { params: slugParams } }, async (ctx) => {
  assertBillingOn();
  const orgId = orgContext(ctx).org.id;
  await syncOrgSubscription(orgId);
  return billingSummary(orgId);
});
