// GET /api/health/ready: 200 "ready" when the database (migrated) and Redis (when
// configured) answer; otherwise 503 naming the failing components, with the body saying
// "degraded" (only Redis is down: the process still serves with in-process limits) or
// "unavailable" (the database is down).
import { readiness } from "@/lib/health/readiness";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async () => {
  const result = await readiness();
  return Response.json(result, { status: result.status === "ready" ? 200 : 503 });
});
