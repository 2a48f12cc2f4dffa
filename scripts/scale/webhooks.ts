// 1,000 signed GitHub deliveries through nginx while a web process and a worker are
// SIGKILLed and restarted. A refused delivery is sent again with the same delivery id,
// as GitHub's manual redelivery would. Every acknowledged (2xx) delivery must be stored
// once, processed once (one job, one normalized event), none lost, none doubled.
import { createHmac } from "node:crypto";
import type pg from "pg";
import { call, pool } from "./client";
import type { Tally } from "./tally";

export const PROCESS_TASK = "integrations.process-delivery";

export type Signed = { body: string; headers: (deliveryId: string) => Record<string, string> };

export function signedPush(payload: unknown, secret: string): Signed {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return {
    body,
    headers: (deliveryId) => ({ "content-type": "application/json", "x-github-event": "push", "x-github-delivery": deliveryId, "x-hub-signature-256": signature, "user-agent": "GitHub-Hookshot/scale" }),
  };
}

type Ctx = { port: number; tally: Tally; db: pg.Client; path: string; signed: Signed; disrupt: () => Promise<void> };

async function deliverUntilAcknowledged(ctx: Ctx, deliveryId: string, refusals: { count: number }, upstreams: Set<string>): Promise<boolean> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await call({ port: ctx.port, method: "POST", path: ctx.path, body: ctx.signed.body, headers: ctx.signed.headers(deliveryId) }).catch(() => null);
    if (answer && (answer.status === 200 || answer.status === 202)) {
      upstreams.add(answer.upstream);
      return true;
    }
    refusals.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

export async function waitForQueue(db: pg.Client, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "Job" WHERE task = $1 AND status IN ('pending', 'running')`, [PROCESS_TASK]);
    if (rows[0].n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** Stored, processed and evented exactly once, for deliveries whose id starts with `prefix`. */
export async function outcome(db: pg.Client, prefix: string) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS rows, count(DISTINCT d."deliveryId")::int AS ids,
            count(*) FILTER (WHERE d.status = 'processed')::int AS processed,
            count(DISTINCT d."jobId")::int AS jobs,
            count(*) FILTER (WHERE j.status = 'succeeded')::int AS succeeded,
            count(*) FILTER (WHERE j.attempts > 1)::int AS rerun,
            (SELECT count(*)::int FROM "OrgEvent" e JOIN "WebhookDelivery" w ON e."deliveryId" = w.id WHERE w."deliveryId" LIKE $1) AS events
     FROM "WebhookDelivery" d LEFT JOIN "Job" j ON j.id = d."jobId" WHERE d."deliveryId" LIKE $1`,
    [`${prefix}%`],
  );
  return rows[0] as { rows: number; ids: number; processed: number; jobs: number; succeeded: number; rerun: number; events: number };
}

export async function checkWebhooks(ctx: Ctx, total: number): Promise<void> {
  const refusals = { count: 0 };
  const upstreams = new Set<string>();
  let acknowledged = 0;
  let disruption: Promise<void> | null = null;
  const ids = Array.from({ length: total }, (_, index) => `scale-${index}`);
  const started = Date.now();
  await pool(ids, 16, async (deliveryId) => {
    if (await deliverUntilAcknowledged(ctx, deliveryId, refusals, upstreams)) acknowledged += 1;
    if (acknowledged >= total * 0.3 && !disruption) disruption = ctx.disrupt();
  });
  await disruption;
  const sentSeconds = (Date.now() - started) / 1000;
  const drained = await waitForQueue(ctx.db, 5 * 60_000);
  const result = await outcome(ctx.db, "scale-");
  ctx.tally.check(`${total} signed deliveries acknowledged through both processes`, acknowledged === total && upstreams.size === 2, `${acknowledged} acknowledged in ${sentSeconds.toFixed(1)} s by ${upstreams.size} processes; ${refusals.count} refused or cut off and sent again`);
  ctx.tally.check("no acknowledged delivery lost, none stored twice", result.ids === acknowledged && result.rows === result.ids, `${result.rows} rows, ${result.ids} distinct delivery ids`);
  ctx.tally.check(
    "each delivery processed exactly once by the two workers",
    drained && result.processed === total && result.jobs === total && result.succeeded === total && result.events === total,
    `${result.processed} processed, ${result.jobs} jobs (${result.succeeded} succeeded, ${result.rerun} re-run after the kill), ${result.events} normalized events`,
  );
}
