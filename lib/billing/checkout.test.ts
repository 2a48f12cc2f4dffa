// Checkout and portal against the Stripe stand-in: one customer per org whatever the
// races, one open session per offer, a live subscription sent to the portal, and no paid
// plan from the success redirect alone.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { orgEntitlements } from "./entitlements";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

const customersOf = (orgId: string) => [...standIn.state.customers.values()].filter((customer) => (customer.metadata as { orgId?: string }).orgId === orgId);
const sessionsOf = (orgId: string) => [...standIn.state.checkoutSessions.values()].filter((session) => session.client_reference_id === orgId);

describeWith(["postgres", "redis"], "billing checkout", () => {
  it("creates a subscription-mode session for the org's customer with member-count quantity and metadata", async () => {
    const { org, owner } = await orgWithMembers(["member", "admin"]);
    const answer = await checkoutAs(owner.cookie, org.slug, { plan: "team", interval: "year" });
    expect(answer.status).toBe(200);
    expect(answer.body.kind).toBe("checkout");
    const session = standIn.state.checkoutSessions.get(sessionIdOf(answer.body.url))!;
    const customer = await getDb().billingCustomer.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(session).toMatchObject({ mode: "subscription", customer: customer.stripeCustomerId, client_reference_id: org.id, metadata: { orgId: org.id } });
    const price = standIn.state.prices.get((session.line_items as { price: string }[])[0]!.price)!;
    expect(price.lookup_key).toBe("bastion_team_yearly");
    expect((session.line_items as { quantity: number }[])[0]!.quantity).toBe(3);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.checkout_started" } })).toBe(1);
  });

  it("two concurrent first checkouts of one org make one customer and one session", async () => {
    const { org, owner } = await orgWithMembers();
    const answers = await Promise.all([checkoutAs(owner.cookie, org.slug), checkoutAs(owner.cookie, org.slug), checkoutAs(owner.cookie, org.slug)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.url)).size).toBe(1);
    expect(customersOf(org.id)).toHaveLength(1);
    expect(sessionsOf(org.id)).toHaveLength(1);
  });

  it("a retried attempt (same attempt id) gets the same session even after the first one was completed elsewhere", async () => {
    const { org, owner } = await orgWithMembers();
    const attemptId = crypto.randomUUID();
    const first = await checkoutAs(owner.cookie, org.slug, { plan: "enterprise", attemptId });
    await getDb().billingCustomer.update({ where: { orgId: org.id }, data: { checkoutSessionId: null } });
    const again = await checkoutAs(owner.cookie, org.slug, { plan: "enterprise", attemptId });
    expect(again.body.url).toBe(first.body.url);
    expect(sessionsOf(org.id)).toHaveLength(1);
  });

  it("the success URL alone grants nothing: a sync reads Stripe, where the session is still open", async () => {
    const { org, owner } = await orgWithMembers();
    await checkoutAs(owner.cookie, org.slug);
    const { POST } = await import("@/app/api/v1/orgs/[slug]/billing/sync/route");
    const synced = await call(POST as never, "POST", `/api/v1/orgs/${org.slug}/billing/sync?checkout=success&session_id=cs_test_forged`, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(synced.status).toBe(200);
    expect(synced.body.plan).toEqual({ id: "free", name: "Free" });
    expect(await getDb().subscription.findUnique({ where: { orgId: org.id } })).toBeNull();
    expect((await orgEntitlements(org.id)).plan).toBe("free");
  });

  it("after the customer paid, a sync from the success page stores the plan read from Stripe", async () => {
    const { org, owner } = await orgWithMembers();
    const started = await checkoutAs(owner.cookie, org.slug);
    standIn.completeCheckout(sessionIdOf(started.body.url));
    const { POST } = await import("@/app/api/v1/orgs/[slug]/billing/sync/route");
    const synced = await call(POST as never, "POST", `/api/v1/orgs/${org.slug}/billing/sync`, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(synced.body.plan).toEqual({ id: "team", name: "Team" });
    expect(synced.body.subscription).toMatchObject({ status: "active", quantity: 1 });
  });

  it("an org with a live subscription is sent to the portal, never to a second checkout", async () => {
    const { org, owner } = await orgWithMembers();
    const started = await checkoutAs(owner.cookie, org.slug);
    await deliver(standIn, standIn.completeCheckout(sessionIdOf(started.body.url)));
    const again = await checkoutAs(owner.cookie, org.slug, { plan: "enterprise" });
    expect(again.body.kind).toBe("portal");
    expect(sessionsOf(org.id)).toHaveLength(1);
    const { POST } = await import("@/app/api/v1/orgs/[slug]/billing/portal/route");
    const portal = await call(POST as never, "POST", `/api/v1/orgs/${org.slug}/billing/portal`, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(portal.status).toBe(200);
    expect(portal.body.url).toMatch(/\/portal\/bps_/);
  });

  it("details read from Stripe: the next invoice preview, invoices with hosted links, the card summary", async () => {
    const { org, owner } = await orgWithMembers(["member"]);
    const started = await checkoutAs(owner.cookie, org.slug);
    await deliver(standIn, standIn.completeCheckout(sessionIdOf(started.body.url)));
    const { GET } = await import("@/app/api/v1/orgs/[slug]/billing/details/route");
    const details = await call(GET as never, "GET", `/api/v1/orgs/${org.slug}/billing/details`, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(details.status).toBe(200);
    expect(details.body.nextInvoice).toMatchObject({ amountDue: 2 * 1_200, currency: "usd", date: expect.any(String) });
    expect(details.body.invoices).toHaveLength(1);
    expect(details.body.invoices[0]).toMatchObject({ status: "paid", amountDue: 2_400, hostedUrl: expect.stringContaining("/hosted/invoices/"), pdfUrl: expect.stringContaining(".pdf") });
    expect(details.body.paymentMethod).toEqual({ brand: "visa", last4: "4242", expMonth: 12, expYear: 2030 });
  });

  it("only billing:manage starts checkout or the portal; billing:read sees the summary", async () => {
    const { org, members } = await orgWithMembers(["admin", "billing", "member"]);
    const [admin, billing, member] = members;
    expect((await checkoutAs(admin!.cookie, org.slug)).status).toBe(403);
    expect((await checkoutAs(member!.cookie, org.slug)).status).toBe(403);
    expect((await checkoutAs(billing!.cookie, org.slug)).status).toBe(200);
    const { GET } = await import("@/app/api/v1/orgs/[slug]/billing/route");
    expect((await call(GET as never, "GET", `/api/v1/orgs/${org.slug}/billing`, { cookie: admin!.cookie, params: { slug: org.slug } })).status).toBe(200);
    expect((await call(GET as never, "GET", `/api/v1/orgs/${org.slug}/billing`, { cookie: member!.cookie, params: { slug: org.slug } })).status).toBe(403);
  });

  it("the portal before any checkout is a 409, and bad input a 422", async () => {
    const { org, owner } = await orgWithMembers();
    const { POST } = await import("@/app/api/v1/orgs/[slug]/billing/portal/route");
    const portal = await call(POST as never, "POST", `/api/v1/orgs/${org.slug}/billing/portal`, { cookie: owner.cookie, params: { slug: org.slug } });
    expect(portal.status).toBe(409);
    expect((await checkoutAs(owner.cookie, org.slug, { plan: "self-hosted" })).status).toBe(422);
    expect((await checkoutAs(owner.cookie, org.slug, { plan: "team", attemptId: "x" })).status).toBe(422);
  });
});
