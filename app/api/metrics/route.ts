// GET /api/metrics: Prometheus text format. Not a session or API-key route: scrapers
// present METRICS_TOKEN as a bearer token; without METRICS_TOKEN the endpoint does not exist.
import { env } from "@/lib/env";
import { NotFound, Unauthorized } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { scrape } from "@/lib/metrics/scrape";
import { bearerMatches } from "@/lib/metrics/token";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async ({ request }) => {
  const token = env().METRICS_TOKEN;
  if (!token) throw new NotFound("Endpoint");
  if (!bearerMatches(request.headers.get("authorization"), token)) throw new Unauthorized("A valid metrics token is required");
  const { contentType, body } = await scrape();
  return new Response(body, { headers: { "content-type": contentType } });
});
