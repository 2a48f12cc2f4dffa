// GET /api/v1/orgs/[slug]/audit: the audit log, filtered (actor, action, target, dates), newest first, cursor-paginated.
import { listAuditEvents, resolveAuditFilters } from "@/lib/audit/query";
import { auditListQuery } from "@/lib/audit/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "audit:read", schemas: { params: slugParams, query: auditListQuery } }, async (ctx) => {
  const orgId = orgContext(ctx).org.id;
  const { cursor, limit, ...filters } = ctx.query;
  return listAuditEvents(orgId, { ...(await resolveAuditFilters(orgId, filters)), cursor, limit });
});
