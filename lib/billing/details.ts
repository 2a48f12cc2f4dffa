// The parts of the billing console that live only at Stripe: the next invoice (Stripe's
// invoice preview), recent invoices with their hosted pages and PDFs, and the default
// payment method's summary. Read on demand, never stored; billing off or no customer: empty.
import "server-only";
import type Stripe from "stripe";
import { customerIdOf } from "./customer";
import { billingEnabled, stripe } from "./stripe";
import { liveSubscriptionOf } from "./sync";

export type BillingDetails = {
  nextInvoice: { amountDue: number; currency: string; date: string | null } | null;
  invoices: { id: string; number: string | null; status: string | null; amountDue: number; currency: string; created: string; hostedUrl: string | null; pdfUrl: string | null }[];
  paymentMethod: { brand: string; last4: string; expMonth: number; expYear: number } | null;
};

const EMPTY: BillingDetails = { nextInvoice: null, invoices: [], paymentMethod: null };
const iso = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

async function nextInvoiceOf(customerId: string): Promise<BillingDetails["nextInvoice"]> {
  const subscription = await liveSubscriptionOf(customerId);
  if (!subscription || subscription.status === "canceled" || subscription.cancel_at_period_end) return null;
  const preview = await stripe().invoices.createPreview({ customer: customerId, subscription: subscription.id });
  return { amountDue: preview.amount_due, currency: preview.currency, date: iso(preview.next_payment_attempt ?? preview.period_end) };
}

function cardOf(customer: Stripe.Customer | Stripe.DeletedCustomer): BillingDetails["paymentMethod"] {
  if (customer.deleted) return null;
  const method = customer.invoice_settings?.default_payment_method;
  if (!method || typeof method === "string" || !method.card) return null;
  return { brand: method.card.brand, last4: method.card.last4, expMonth: method.card.exp_month, expYear: method.card.exp_year };
}

export async function billingDetails(orgId: string): Promise<BillingDetails> {
  if (!billingEnabled()) return EMPTY;
  const customerId = await customerIdOf(orgId);
  if (!customerId) return EMPTY;
  const [nextInvoice, invoices, customer] = await Promise.all([
    nextInvoiceOf(customerId),
    stripe().invoices.list({ customer: customerId, limit: 12 }),
    stripe().customers.retrieve(customerId, { expand: ["invoice_settings.default_payment_method"] }),
  ]);
  return {
    nextInvoice,
    invoices: invoices.data.map((invoice) => ({
      id: invoice.id!, number: invoice.number, status: invoice.status, amountDue: invoice.amount_due, currency: invoice.currency,
      created: iso(invoice.created)!, hostedUrl: invoice.hosted_invoice_url ?? null, pdfUrl: invoice.invoice_pdf ?? null,
    })),
    paymentMethod: cardOf(customer),
  };
}
