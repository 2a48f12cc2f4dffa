// GET /api/health/ready: 200 "ready" when the database (migrated) and Redis (when
// configured) answer; 200 "degraded" naming redis when only Redis is down (limits fall
// back to in-process); 503 "unavailable" naming the database otherwise.
import { readiness } from "@/lib/health/readiness";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async () => {
  const result = await readiness();
  return Response.json(result, { status: result.status === "unavailable" ? 503 : 200 });
});
