// GET /api/v1/orgs/[slug]/audit: the audit log, filtered (actor, action, target, dates), newest first, cursor-paginated.
import { listAuditEvents } from "@/lib/audit/query";
import { auditListQuery } from "@/lib/audit/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "audit:read", schemas: { params: slugParams, query: auditListQuery } }, async (ctx) =>
  listAuditEvents(orgContext(ctx).org.id, ctx.query),
);
