// The one place a Stripe client is made. Billing is on exactly when STRIPE_SECRET_KEY is
// set; with STRIPE_API_URL (tests) the SDK's host/port/protocol point at a local stand-in.
// No "server-only" marker: the worker (plain Node) runs billing jobs.
import Stripe from "stripe";
import { env } from "../env";
import { processSingleton } from "../runtime";

export function billingEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

function connectionOptions(): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  const base = env().STRIPE_API_URL;
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

/** The Stripe client; throws when billing is off, so a caller that forgot to check never reaches Stripe. */
export function stripe(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("billing is off (STRIPE_SECRET_KEY unset): nothing may call Stripe");
  const options = connectionOptions();
  return processSingleton(`stripe:${key.slice(-8)}:${options.host ?? "api.stripe.com"}:${options.port ?? ""}`, () =>
    new Stripe(key, { ...options, maxNetworkRetries: 2, timeout: env().INTEGRATIONS_HTTP_TIMEOUT_MS, appInfo: { name: "Bastion" } }),
  );
}
