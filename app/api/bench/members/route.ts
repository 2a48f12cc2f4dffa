// GET /api/bench/members?orgId=: the benchmark's baseline (npm run bench:api). A bare
// Next.js route handler running the members API's single query, without route()'s
// pipeline: no authentication, rate limit, org resolution or validation. It answers only
// with BASTION_BENCH=1 and to a loopback caller (lib/bench/access.ts); otherwise it
// answers 404 like any unknown path.
import { benchInvalid, benchNotFound, benchQueryValue, benchRequestAllowed } from "@/lib/bench/access";
import { listMembers } from "@/lib/members/list";

async function handler(request: Request): Promise<Response> {
  if (!benchRequestAllowed(request)) return benchNotFound();
  const orgId = benchQueryValue(request, "orgId");
  if (orgId === null) return benchInvalid("orgId");
  return Response.json(await listMembers(orgId, { limit: 50 }));
}

// Declared for the authorization matrix: no authentication (benchmark mode, loopback only).
export const GET = Object.assign(handler, { meta: { auth: "none" as const, schemas: {} } });
