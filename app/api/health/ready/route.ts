// GET /api/health/ready: 200 when the database (migrated) and Redis (when configured)
// answer; 503 naming the failing component otherwise.
import { readiness } from "@/lib/health/readiness";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async () => {
  const result = await readiness();
  return Response.json(result, { status: result.status === "ready" ? 200 : 503 });
});
