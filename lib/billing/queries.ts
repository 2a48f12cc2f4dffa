// Client-side data access for billing: one query-key factory and typed fetchers.
import { apiFetch } from "../api-client";

type Use = { used: number; limit: number | null };

export type BillingSummary = {
  billing: "on" | "off";
  plan: { id: string; name: string };
  status: string | null;
  graceEndsAt: string | null;
  lapsedFrom: string | null;
  hasBillingAccount: boolean;
  subscription: { plan: string; interval: "month" | "year" | null; status: string; quantity: number; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean; trialEnd: string | null } | null;
  usage: { seats: Use; secrets: Use; integrations: Use; apiRequestsThisMonth: Use; apiRequestsPerDay: { day: string; count: number }[] };
};

export type BillingDetails = {
  nextInvoice: { amountDue: number; currency: string; date: string | null } | null;
  invoices: { id: string; number: string | null; status: string | null; amountDue: number; currency: string; created: string; hostedUrl: string | null; pdfUrl: string | null }[];
  paymentMethod: { brand: string; last4: string; expMonth: number; expYear: number } | null;
};

export type BillingRedirect = { kind: "checkout" | "portal"; url: string };

export const billingKeys = {
  all: (slug: string) => ["orgs", slug, "billing"] as const,
  summary: (slug: string) => ["orgs", slug, "billing", "summary"] as const,
  details: (slug: string) => ["orgs", slug, "billing", "details"] as const,
};

export const fetchBillingSummary = (slug: string) => apiFetch<BillingSummary>(`/api/v1/orgs/${slug}/billing`);
export const fetchBillingDetails = (slug: string) => apiFetch<BillingDetails>(`/api/v1/orgs/${slug}/billing/details`);
export const syncBillingRequest = (slug: string) => apiFetch<BillingSummary>(`/api/v1/orgs/${slug}/billing/sync`, { method: "POST" });
export const checkoutRequest = (slug: string, body: { plan: string; interval: "month" | "year"; attemptId: string }) =>
  apiFetch<BillingRedirect>(`/api/v1/orgs/${slug}/billing/checkout`, { body });
export const portalRequest = (slug: string) => apiFetch<BillingRedirect>(`/api/v1/orgs/${slug}/billing/portal`, { method: "POST" });

export function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

// Stripe's card.brand values; the rest are shown as Stripe spells them, capitalized.
const CARD_BRANDS: Record<string, string> = {
  amex: "American Express", cartes_bancaires: "Cartes Bancaires", diners: "Diners Club", discover: "Discover", eftpos_au: "eftpos Australia",
  interac: "Interac", jcb: "JCB", link: "Link", mastercard: "Mastercard", unionpay: "UnionPay", visa: "Visa", unknown: "Card",
};

/** "visa" → "Visa", "amex" → "American Express": a card brand as its network writes it. */
export function cardBrandName(brand: string): string {
  return CARD_BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1).replaceAll("_", " ");
}

/** A UTC calendar date ("Dec 18, 2026"), or "—". */
export function billingDay(value: string | null): string {
  return value ? new Date(value).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : "—";
}
