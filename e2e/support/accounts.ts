// Accounts for browser tests, made through the real API as a person would: sign up,
// verify from the emailed link, sign in. Each account gets its own client address
// (X-Forwarded-For; the test server trusts its proxy), so per-IP limits behave as for
// distinct people instead of one address running every spec.
import { randomBytes, randomInt } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { linkIn, waitForMail } from "./mailbox";

export const E2E_PASSWORD = "violet-anchor-97-tundra";

export type Account = { email: string; name: string; password: string; ip: string; api: APIRequestContext; baseURL: string };

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

export function randomClientIp(): string {
  return `10.${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;
}

export async function createAccount(baseURL: string, options: { label?: string; email?: string; name?: string } = {}): Promise<Account> {
  const email = options.email ?? uniqueEmail(options.label ?? "user");
  const name = options.name ?? `E2E ${options.label ?? "User"}`;
  const ip = randomClientIp();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, "x-forwarded-for": ip } });
  const since = Date.now();
  expect((await api.post("/api/v1/auth/sign-up", { data: { email, password: E2E_PASSWORD, name } })).status()).toBe(200);
  const token = new URL(linkIn(await waitForMail(email, { subject: /^Verify your email/, since }), "/verify-email")).searchParams.get("token");
  expect((await api.post("/api/v1/auth/verify-email", { data: { token } })).status()).toBe(200);
  expect((await api.post("/api/v1/auth/sign-in", { data: { email, password: E2E_PASSWORD } })).status()).toBe(200);
  return { email, name, password: E2E_PASSWORD, ip, api, baseURL };
}

/** A browser context signed in as `account` (its session cookie, its client address). */
export async function browserFor(browser: Browser, account: Account): Promise<BrowserContext> {
  return browser.newContext({ baseURL: account.baseURL, storageState: await account.api.storageState(), extraHTTPHeaders: { "x-forwarded-for": account.ip } });
}

export async function createOrg(account: Account, name = "Acme"): Promise<{ id: string; slug: string; name: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
  const response = await account.api.post("/api/v1/orgs", { data: { name, slug } });
  expect(response.status()).toBe(201);
  return response.json();
}
