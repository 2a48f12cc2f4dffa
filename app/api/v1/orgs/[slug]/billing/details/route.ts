// GET /api/v1/orgs/[slug]/billing/details: the next invoice (Stripe's preview), recent invoices and the payment method summary.
import { billingDetails } from "@/lib/billing/details";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "billing:read", schemas: { params: slugParams } }, async (ctx) => billingDetails(orgContext(ctx).org.id));
