// The billing console as an owner, a billing member and a plain member use it, against
// the Stripe stand-in (e2e/support/stripe.ts): a Free org upgrades to Team through
// Checkout, members join and the subscription's quantity follows, a payment fails (the
// dunning banner), the subscription is canceled (Free again, a quota refusal in the UI);
// the checkout's success URL alone grants nothing. Screenshots of each state, light and
// dark, desktop and phone, are saved under .test-results/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { browserFor, createAccount, createOrg, type Account } from "./support/accounts";
import { e2eDatabaseUrl, e2eDb } from "./support/db";
import { linkIn, waitForMail } from "./support/mailbox";
import { postStripeEvents, stripeStandIn } from "./support/stripe";

const screenshots = path.join(import.meta.dirname, "..", ".test-results", "screenshots");
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

/** The billing page in the light and dark themes at each viewport, once everything it loads has arrived. */
async function screenshotStates(page: Page, state: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.waitForLoadState("networkidle");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      // Nothing on the page may be wider than a phone's screen (tables scroll inside their own box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // Two frames after the resize, so a full-page capture does not catch half-painted tiles.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const theme = colorScheme === "dark" ? "-dark" : "";
      await page.screenshot({ path: path.join(screenshots, `billing-${state}${theme}-${viewport.width}x${viewport.height}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(VIEWPORTS[0]!);
}

/** API requests on each day of this month so far (UTC), as the usage flush would have stored them. */
async function seedApiUsage(orgId: string, counts: number[]): Promise<{ days: number; total: number }> {
  const now = new Date();
  const days = now.getUTCDate();
  const rows = Array.from({ length: days }, (_, index) => ({ orgId, day: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), index + 1)), count: counts[index % counts.length]! }));
  await e2eDb().apiUsage.createMany({ data: rows });
  return { days, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

async function join(owner: Account, slug: string, member: Account, role: "member" | "billing"): Promise<void> {
  const since = Date.now();
  expect((await owner.api.post(`/api/v1/orgs/${slug}/invitations`, { data: { kind: "email", email: member.email, role } })).status()).toBe(201);
  const token = new URLSearchParams(new URL(linkIn(await waitForMail(member.email, { since }), "/invitations/accept")).hash.slice(1)).get("token");
  expect((await member.api.post("/api/v1/invitations/accept", { data: { token } })).status()).toBe(200);
}

/** Reloads the billing page until `testId` shows `text` (the worker processes webhook events and seat syncs in the background). */
async function reloadUntil(page: Page, testId: string, text: string | RegExp, timeout = 30_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId(testId)).toHaveText(text, { timeout: 2_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}

async function customerOf(orgId: string): Promise<string> {
  return (await e2eDb().billingCustomer.findUniqueOrThrow({ where: { orgId } })).stripeCustomerId;
}

test.beforeEach(() => {
  test.skip(!e2eDatabaseUrl, "reads the run's PostgreSQL database for the Stripe customer (npm test provides E2E_DATABASE_URL)");
});

test("a Free org upgrades to Team through Checkout, adds members, fails a payment, cancels; roles see what they may", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(240_000);
  // Stripe posts without cookies or an Origin, as any webhook sender does.
  const stripeSender = await playwright.request.newContext({ baseURL });
  const owner = await createAccount(baseURL!, { label: "billing-owner" });
  const org = await createOrg(owner, "Billing Co");
  const usage = await seedApiUsage(org.id, [180, 420, 260, 510, 90, 330, 140]);
  const context = await browserFor(browser, owner);
  const page = await context.newPage();

  await page.goto(`/orgs/${org.slug}/billing`);
  await expect(page.getByTestId("billing-plan")).toHaveText("Free");
  await expect(page.getByTestId("usage-seats")).toContainText("1 / 3");
  // Usage per day of this month against the quota's even pace (10,000 a month on Free).
  const now = new Date();
  const monthDays = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const chart = page.getByTestId("api-usage-chart");
  await expect(chart.getByTestId("usage-bar")).toHaveCount(usage.days);
  await expect(chart.getByTestId("usage-bar").first()).toHaveAttribute("data-count", "180");
  await expect(chart.getByTestId("chart-quota")).toHaveAttribute("data-value", String(Math.round(10_000 / monthDays)));
  await expect(chart.getByTestId("chart-quota-label")).toHaveText(`Quota pace ${Math.round(10_000 / monthDays).toLocaleString("en")}/day`);
  await expect(page.getByTestId("api-usage-caption")).toContainText(`${usage.total.toLocaleString("en")} API requests this month of the 10,000 a month`);
  await expect(chart.getByRole("img", { name: /: 180 requests$/ }).first()).toBeVisible();
  await expect(page.getByTestId("billing-next-step")).toHaveText("No paid subscription.");
  await expect(page.getByTestId("invoices-empty")).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage billing" })).toHaveCount(0);
  await screenshotStates(page, "free");

  // Upgrade: the browser is sent to the stand-in's Checkout page for Team, one seat.
  await page.getByRole("button", { name: "Upgrade to Team" }).click();
  await expect(page.getByRole("heading", { name: "Stripe stand-in checkout" })).toBeVisible();
  await expect(page.getByText("bastion_team_monthly x 1")).toBeVisible();
  const checkoutUrl = page.url();

  // The success URL alone, with no payment and no event, grants nothing.
  const sync = page.waitForResponse((response) => response.url().endsWith(`/api/v1/orgs/${org.slug}/billing/sync`));
  await page.goto(`/orgs/${org.slug}/billing?checkout=success`);
  expect((await sync).status()).toBe(200);
  await expect(page.getByText("Waiting for Stripe to confirm the payment…")).toBeVisible();
  await expect(page.getByTestId("billing-plan")).toHaveText("Free");
  expect(await e2eDb().subscription.findUnique({ where: { orgId: org.id } })).toBeNull();
  expect((await (await owner.api.get(`/api/v1/orgs/${org.slug}/billing`)).json()).plan.id).toBe("free");

  // The customer pays on the Checkout page and comes back; Stripe's signed events arrive.
  await page.goto(checkoutUrl);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/billing\\?checkout=success$`));
  const paid = await stripeStandIn.paidCheckouts();
  expect(paid.map((event) => event.type)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
  await postStripeEvents(stripeSender, paid);
  await reloadUntil(page, "billing-plan", "Team");
  await expect(page.getByTestId("billing-status")).toHaveText("Active");
  await expect(page.getByTestId("seats-billed")).toHaveText("1");
  await expect(page.getByTestId("next-invoice")).toContainText("$12.00");
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
  await expect(page.getByTestId("invoice-row")).toContainText("$12.00");
  await expect(page.getByTestId("payment-method")).toHaveText("Visa ···· 4242, expires 12/2030");
  await expect(page.getByTestId("billing-next-step")).toHaveText(/^Renews \w{3} \d{1,2}, \d{4} for \$12\.00\.$/);
  await expect(page.getByRole("button", { name: "Manage billing" })).toBeVisible();
  await expect(page.getByTestId("plan-comparison").getByRole("columnheader", { name: /^Team/ })).toContainText("Current");
  // Team allows 1,000,000 requests a month: the pace follows the plan, far above these bars,
  // so it is named at the top edge rather than drawn to a scale that flattens them.
  await expect(chart.getByTestId("chart-quota")).toHaveCount(0);
  await expect(chart.getByTestId("chart-quota-label")).toContainText(`Quota pace ${Math.round(1_000_000 / monthDays).toLocaleString("en")}/day`);
  await expect(chart.getByTestId("chart-quota-label")).toHaveAttribute("data-off-scale", "");
  await screenshotStates(page, "active");

  // Two members join: the subscription's quantity follows at Stripe (a debounced seat sync).
  const member = await createAccount(baseURL!, { label: "billing-plain" });
  const biller = await createAccount(baseURL!, { label: "billing-role" });
  await join(owner, org.slug, member, "member");
  await join(owner, org.slug, biller, "billing");
  const customer = await customerOf(org.id);
  await expect.poll(async () => (await stripeStandIn.subscriptions(customer))[0]?.items.data[0]?.quantity, { timeout: 75_000, intervals: [2_000] }).toBe(3);
  await reloadUntil(page, "seats-billed", "3");
  await expect(page.getByTestId("next-invoice")).toContainText("$36.00");

  // A plain member sees no billing: no section, no page, no controls.
  const memberContext = await browserFor(browser, member);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/orgs/${org.slug}`);
  await expect(memberPage.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Billing" })).toHaveCount(0);
  expect((await memberPage.goto(`/orgs/${org.slug}/billing`))?.status()).toBe(403);
  await expect(memberPage.getByRole("button", { name: /Upgrade|Manage billing/ })).toHaveCount(0);
  await memberContext.close();

  // A billing member manages billing but sees no secrets.
  const billerContext = await browserFor(browser, biller);
  const billerPage = await billerContext.newPage();
  await billerPage.goto(`/orgs/${org.slug}/billing`);
  await expect(billerPage.getByRole("button", { name: "Manage billing" })).toBeVisible();
  await expect(billerPage.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Secrets" })).toHaveCount(0);
  expect((await billerPage.goto(`/orgs/${org.slug}/secrets`))?.status()).toBe(403);
  await billerContext.close();

  // A payment fails: the dunning banner on every console page, the plan kept for the grace period.
  const subscriptionId = (await stripeStandIn.subscriptions(customer))[0]!.id;
  await postStripeEvents(stripeSender, await stripeStandIn.failPayment(subscriptionId));
  await reloadUntil(page, "billing-status", "Past due");
  // The banner is rendered with the page; the status above may come from the client's refetch a moment later.
  await reloadUntil(page, "dunning-banner", /A payment failed/);
  await expect(page.getByTestId("billing-plan")).toHaveText("Team");
  await screenshotStates(page, "past-due");
  await page.goto(`/orgs/${org.slug}/members`);
  await expect(page.getByTestId("dunning-banner")).toBeVisible();
  await waitForMail(biller.email, { subject: /^Payment failed for Billing Co/ });

  // The subscription ends: Free again, nothing deleted; a fourth seat is refused with a clear message.
  await page.goto(`/orgs/${org.slug}/billing`);
  await postStripeEvents(stripeSender, await stripeStandIn.cancel(subscriptionId));
  await reloadUntil(page, "billing-status", "Canceled");
  await expect(page.getByTestId("billing-plan")).toHaveText("Free");
  await expect(page.getByTestId("usage-seats")).toContainText("3 / 3");
  // A canceled customer can subscribe again through Checkout; there is no subscription to
  // manage, no card to show, and the invoices stay listed.
  await expect(page.getByTestId("billing-next-step")).toContainText("The Team subscription has ended");
  await expect(page.getByRole("button", { name: "Upgrade to Team" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage billing" })).toHaveCount(0);
  await expect(page.getByTestId("payment-method")).toHaveCount(0);
  await expect(page.getByTestId("next-invoice")).toHaveCount(0);
  await expect(page.getByTestId("plan-comparison").getByRole("columnheader", { name: /^Free/ })).toContainText("Current");
  const paidInvoice = page.getByTestId("invoice-row").filter({ hasText: "$12.00" });
  await expect(paidInvoice).toHaveCount(1);
  await expect(paidInvoice.getByRole("link", { name: /^BST-\d+$/ })).toHaveAttribute("href", /\/hosted\/invoices\//);
  await expect(paidInvoice.getByRole("link", { name: /\(PDF\)$/ })).toBeVisible();
  await screenshotStates(page, "canceled");
  await page.goto(`/orgs/${org.slug}/members`);
  await page.getByLabel("Email address").fill("one-too-many@example.test");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Quota exceeded" })).toContainText("seats (limit 3; 3 in use on the Free plan). Upgrade to Team to lift it.");
  await context.close();
});

test("a trial started at Checkout shows its end date; the signed events alone bring it in", async ({ browser, baseURL, playwright }) => {
  const stripeSender = await playwright.request.newContext({ baseURL });
  const owner = await createAccount(baseURL!, { label: "trial-owner" });
  const org = await createOrg(owner, "Trial Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/billing`);
  await page.getByRole("button", { name: "Upgrade to Team" }).click();
  await expect(page.getByRole("heading", { name: "Stripe stand-in checkout" })).toBeVisible();
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;

  // No return through the success URL: only the webhook events bring the subscription in.
  await postStripeEvents(stripeSender, await stripeStandIn.completeCheckout(sessionId, 14));
  await page.goto(`/orgs/${org.slug}/billing`);
  await reloadUntil(page, "billing-status", "Trial");
  await expect(page.getByTestId("billing-plan")).toHaveText("Team");
  await expect(page.getByText(/Trial ends \w{3} \d{1,2}, \d{4}/)).toBeVisible();
  // Said once, with what is charged after it (Stripe's invoice preview): no "Renews" beside it.
  await expect(page.getByTestId("billing-next-step")).toHaveText(/^Trial ends \w{3} \d{1,2}, \d{4}; then \$12\.00 a month\.$/);
  // No API requests yet: a sentence instead of an empty chart.
  await expect(page.getByTestId("api-usage-none")).toContainText("the plan includes 1,000,000 a month");
  await expect(page.getByTestId("api-usage-chart")).toHaveCount(0);
  await screenshotStates(page, "trialing");
  await context.close();
});
