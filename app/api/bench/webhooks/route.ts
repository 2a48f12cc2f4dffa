// POST /api/bench/webhooks: the baseline of `npm run bench:webhooks`. A bare Next.js route
// handler that reads the raw body and inserts it into bench_webhook_raw (a table the
// benchmark creates in its scratch database; not part of the schema), without route()'s
// pipeline, verification or job. It answers only with BASTION_BENCH=1 and to a loopback
// caller (lib/bench/access.ts); otherwise it answers 404 like any unknown path.
import { benchNotFound, benchRequestAllowed } from "@/lib/bench/access";
import { getPool } from "@/lib/db";

async function handler(request: Request): Promise<Response> {
  if (!benchRequestAllowed(request)) return benchNotFound();
  const body = Buffer.from(await request.arrayBuffer()).toString("utf8");
  await getPool().query("INSERT INTO bench_webhook_raw (delivery_id, body) VALUES ($1, $2)", [request.headers.get("x-github-delivery"), body]);
  return Response.json({ received: true }, { status: 202 });
}

// Declared for the authorization matrix: no authentication (benchmark mode, loopback only).
export const POST = Object.assign(handler, { meta: { auth: "none" as const, schemas: {} } });
