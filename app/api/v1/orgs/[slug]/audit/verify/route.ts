// GET /api/v1/orgs/[slug]/audit/verify: whether the org's audit chain verifies (its newest
// events, bounded; `npm run audit:verify` walks whole chains), and the first broken event.
import { verifyOrgAuditTrail } from "@/lib/audit/verify";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "audit:read", schemas: { params: slugParams } }, async (ctx) => verifyOrgAuditTrail(orgContext(ctx).org.id));
