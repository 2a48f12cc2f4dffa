// POST /api/v1/orgs/[slug]/billing/portal: a Stripe customer portal URL (plan switch, cancel, payment methods, invoices).
import { openPortal } from "@/lib/billing/checkout";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const POST = route({ auth: "session", permission: "billing:manage", schemas: { params: slugParams } }, async (ctx) => openPortal(orgContext(ctx)));
