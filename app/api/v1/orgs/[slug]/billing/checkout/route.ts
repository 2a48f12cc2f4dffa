// POST /api/v1/orgs/[slug]/billing/checkout: a Stripe Checkout URL for the plan, or the portal's when a subscription is live.
import { startCheckout } from "@/lib/billing/checkout";
import { checkoutSchema } from "@/lib/billing/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "billing:manage", schemas: { params: slugParams, body: checkoutSchema } }, async (ctx) =>
  startCheckout(orgContext(ctx), ctx.body),
);
