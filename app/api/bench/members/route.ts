// GET /api/bench/members?orgId=: the benchmark's baseline (npm run bench:api). A bare
// Next.js route handler running the members API's single query, without route()'s
// pipeline: no authentication, rate limit, org resolution or validation. It exists only
// when BASTION_BENCH=1; otherwise it answers 404 like any unknown path.
import { env } from "@/lib/env";
import { listMembers } from "@/lib/members/list";

async function handler(request: Request): Promise<Response> {
  if (!env().BASTION_BENCH) return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  const orgId = new URL(request.url).searchParams.get("orgId") ?? "";
  return Response.json(await listMembers(orgId, { limit: 50 }));
}

// Declared for the authorization matrix: no authentication (and not mounted in production).
export const GET = Object.assign(handler, { meta: { auth: "none" as const, schemas: {} } });
