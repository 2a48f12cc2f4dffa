// GET /api/v1/orgs/[slug]/usage/report?from=&to=&format=json|csv: per-day API requests, seats, secrets, connections, webhook deliveries and storage.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";
import { usageReport, usageReportCsv } from "@/lib/usage/report";
import { usageReportQuery } from "@/lib/usage/schemas";

export const GET = route({ auth: "both", permission: "billing:read", schemas: { params: slugParams, query: usageReportQuery } }, async (ctx) => {
  const { org } = orgContext(ctx);
  const report = await usageReport(org.id, ctx.query.from, ctx.query.to);
  if (ctx.query.format === "json") return report;
  return new Response(usageReportCsv(report.days), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${org.slug}-usage-${report.from}-to-${report.to}.csv"` },
  });
});
