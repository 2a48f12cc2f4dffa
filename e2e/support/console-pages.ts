// A populated organization and the list of every console page, for the screenshot and
// accessibility specs: an owner with members, an invitation, secrets, API keys, a GitHub
// connection (through the provider stand-in) and the audit entries all of that leaves;
// a plain member for the 403.
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { browserFor, createAccount, createOrg, uniqueEmail, type Account } from "./accounts";
import { createSignedInUser, e2eDb, signInContext } from "./db";
import { standInCredentials } from "./provider-stand-ins";

/** `outsideFrame`: a signed-in page drawn without the console frame (onboarding). */
export type ConsolePageView = { name: string; path: string; as: "owner" | "member" | "anonymous"; outsideFrame?: true };

export type SeededConsole = { owner: Account; memberUserId: string; org: { id: string; slug: string; name: string }; pages: ConsolePageView[] };

export async function seedConsole(baseURL: string): Promise<SeededConsole> {
  const owner = await createAccount(baseURL, { label: "shots", name: "Ada Lovelace" });
  const org = await createOrg(owner, "Northwind Traders");
  const api = owner.api;
  const post = async (path: string, data: unknown, status = 201) => expect((await api.post(`/api/v1/orgs/${org.slug}${path}`, { data })).status(), path).toBe(status);

  for (const [key, description] of [
    ["DATABASE_URL", "Primary PostgreSQL connection string"],
    ["STRIPE_SECRET_KEY", "Payments, live mode"],
    ["SENTRY_DSN", ""],
  ] as const) {
    await post("/secrets", { key, value: `value-of-${key.toLowerCase()}`, description });
  }
  await post("/api-keys", { name: "CI deploy", scopes: ["secrets:read", "integrations:read"] });
  await post("/api-keys", { name: "Read-only reporting", scopes: ["org:read", "members:read", "audit:read"] });
  await post("/invitations", { kind: "email", email: uniqueEmail("invitee"), role: "admin" });

  const member = await createSignedInUser(uniqueEmail("plain-member"), "Grace Hopper");
  await e2eDb().membership.create({ data: { orgId: org.id, userId: member.userId, role: "member" } });

  const connected = await api.post(`/api/v1/orgs/${org.slug}/integrations`, { data: { provider: "github", method: "token", token: standInCredentials.github.token } });
  expect(connected.status()).toBe(201);
  const { connection } = (await connected.json()) as { connection: { id: string } };

  const orgPages: [string, string][] = [
    ["org", ""],
    ["org-domains", "?tab=domains"],
    ["org-security", "?tab=security"],
    ["org-sso", "?tab=sso"],
    ["org-provisioning", "?tab=provisioning"],
    ["org-api-access", "?tab=api-access"],
    ["members", "/members"],
    ["roles", "/roles"],
    ["secrets", "/secrets"],
    ["api-keys", "/api-keys"],
    ["integrations", "/integrations"],
    ["connection", `/integrations/${connection.id}`],
    ["notification-rules", "/integrations/rules"],
    ["activity", "/activity"],
    ["billing", "/billing"],
    ["audit", "/audit"],
  ];
  const pages: ConsolePageView[] = [
    ...orgPages.map(([name, path]) => ({ name, path: `/orgs/${org.slug}${path}`, as: "owner" as const })),
    { name: "orgs", path: "/orgs", as: "owner" },
    { name: "account", path: "/account", as: "owner" },
    { name: "api-reference", path: "/api-reference", as: "owner" },
    { name: "forbidden", path: `/orgs/${org.slug}/billing`, as: "member" },
    { name: "not-found", path: `/orgs/${org.slug}/integrations/no-such-connection`, as: "owner" },
    { name: "sign-in", path: "/sign-in", as: "anonymous" },
    { name: "sign-up", path: "/sign-up", as: "anonymous" },
    { name: "magic-link", path: "/magic-link", as: "anonymous" },
    { name: "forgot-password", path: "/forgot-password", as: "anonymous" },
    { name: "onboarding", path: "/onboarding", as: "owner", outsideFrame: true },
  ];
  return { owner, memberUserId: member.userId, org, pages };
}

type ContextOptions = Parameters<Browser["newContext"]>[0];

/** A browser context for whoever views `page`, with the given viewport and colour scheme. */
export async function contextFor(browser: Browser, seeded: SeededConsole, as: ConsolePageView["as"], options: ContextOptions): Promise<BrowserContext> {
  if (as === "owner") {
    const base = await browserFor(browser, seeded.owner);
    const state = await base.storageState();
    await base.close();
    return browser.newContext({ ...options, baseURL: seeded.owner.baseURL, storageState: state, extraHTTPHeaders: { "x-forwarded-for": seeded.owner.ip } });
  }
  const context = await browser.newContext({ ...options, baseURL: seeded.owner.baseURL });
  if (as === "member") await signInContext(context, seeded.memberUserId, "e2e screenshots");
  return context;
}

/** Waits until the page's data has arrived (no request in flight, no loading placeholder). */
export async function settle(page: import("@playwright/test").Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
}
