// npm run billing:sync-catalog: creates or updates the Stripe products, prices (by lookup
// key) and the API-requests meter from lib/billing/plans.ts. Safe to run again.
import { syncCatalog } from "../lib/billing/catalog";
import { billingEnabled, stripe } from "../lib/billing/stripe";

if (!billingEnabled()) {
  console.error("STRIPE_SECRET_KEY is not set: billing is off, there is no Stripe account to sync.");
  process.exit(2);
}
for (const change of await syncCatalog(stripe())) console.log(`${change.kind.padEnd(8)} ${change.id.padEnd(28)} ${change.action}`);
