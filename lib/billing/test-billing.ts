// Billing tests' harness: the Stripe stand-in started and Bastion pointed at it (billing
// on), the catalog synced, and helpers that post signed events to /api/webhooks/stripe and
// run the job each stored event queued, as a worker would.
import { vi } from "vitest";
import { getDb } from "../db";
import { reloadEnv } from "../env";
import { startStripeStandIn, type StripeEventObject, type StripeStandIn } from "../testing/stripe-stand-in";
import { call } from "../testing/http";
import { syncCatalog } from "./catalog";
import { stripe } from "./stripe";
import { processStripeEventTask } from "./tasks";

export async function startBilling(): Promise<StripeStandIn> {
  const standIn = await startStripeStandIn();
  vi.stubEnv("STRIPE_SECRET_KEY", standIn.secretKey);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", standIn.webhookSecret);
  vi.stubEnv("STRIPE_API_URL", standIn.url);
  reloadEnv();
  await syncCatalog(stripe());
  return standIn;
}

export async function stopBilling(standIn: StripeStandIn): Promise<void> {
  vi.unstubAllEnvs();
  reloadEnv();
  await standIn.close();
}

type Handler = (request: Request) => Promise<Response>;

export async function postSigned(standIn: StripeStandIn, event: StripeEventObject, options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {}) {
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  const { body, headers } = standIn.signed(event, options);
  const response = await (POST as Handler)(new Request("http://localhost:3000/api/webhooks/stripe", { method: "POST", headers: { ...headers, ...options.headers }, body }));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Runs the processing job of a stored event (what a worker does with it). */
export async function processEvent(eventId: string): Promise<void> {
  const controller = new AbortController();
  await processStripeEventTask.run({ eventId }, { db: getDb(), jobId: `test-${eventId}`, attempt: 1, signal: controller.signal });
}

/** Posts each event and processes what was stored, in the given order. */
export async function deliver(standIn: StripeStandIn, events: StripeEventObject[]): Promise<void> {
  for (const event of events) {
    const answer = await postSigned(standIn, event);
    if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    if (!answer.json.duplicate) await processEvent(event.id);
  }
}

/** Starts a checkout as the owner through the route, returning the stand-in's session id. */
export async function checkoutAs(cookie: string, slug: string, body: Record<string, unknown> = { plan: "team" }) {
  const { POST } = await import("@/app/api/v1/orgs/[slug]/billing/checkout/route");
  return call(POST as never, "POST", `/api/v1/orgs/${slug}/billing/checkout`, { cookie, body, params: { slug } });
}

export function sessionIdOf(url: string): string {
  return url.split("/").pop()!;
}
