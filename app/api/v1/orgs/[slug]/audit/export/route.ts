// GET /api/v1/orgs/[slug]/audit/export?format=csv|jsonl: the filtered audit log (the list's filters) as a streamed download.
import { exportAuditEvents } from "@/lib/audit/export";
import { resolveAuditFilters } from "@/lib/audit/query";
import { recordAudit } from "@/lib/audit/record";
import { auditExportQuery } from "@/lib/audit/schemas";
import { auditFields } from "@/lib/context";
import { getDb } from "@/lib/db";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "audit:read", schemas: { params: slugParams, query: auditExportQuery } }, async (ctx) => {
  const org = orgContext(ctx);
  const { format, ...filters } = ctx.query;
  const resolved = await resolveAuditFilters(org.org.id, filters);
  // The filters are part of the record: an investigation can tell which slice left the building.
  const recorded = Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]));
  await recordAudit(getDb(), { ...auditFields(org), action: "audit.exported", targetType: "org", targetId: org.org.id, metadata: { format, filters: recorded } });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportAuditEvents(org.org.id, resolved, format), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${org.org.slug}-${stamp}.${format === "csv" ? "csv" : "jsonl"}"`,
    },
  });
});
