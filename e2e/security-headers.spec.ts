// Security headers on real responses, and no Content-Security-Policy violation while
// pages load and run their scripts (the nonce reaches every script Next.js emits).
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { browserFor, createAccount, createOrg } from "./support/accounts";
import { e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";

function directives(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? "").split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

/** Records CSP violations and CSP console errors from the moment a page starts. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...problems, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test("pages carry a nonce-based CSP without unsafe-eval, a fresh nonce each time, and the static headers", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const headers = first.headers();
  const policy = directives(headers["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src") ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(policy.get("script-src")).not.toContain("unsafe-inline");
  expect(policy.get("frame-ancestors")).toBe("'none'");
  expect(policy.get("object-src")).toBe("'none'");
  expect(policy.get("base-uri")).toBe("'self'");
  expect(policy.get("form-action")).toBe("'self'");
  // Next.js stamped the same nonce on the scripts of this very response.
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP here: no HSTS (it is sent behind TLS; see lib/security/proxy.test.ts).
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("API answers carry a deny-all CSP and the static headers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the landing page and the console run without CSP violations", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "csp" });
  const org = await createOrg(owner, "CSP Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  const violations = await watchCsp(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Open the console" }).click();
  await page.getByRole("link", { name: /CSP Co/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}$`));
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  // A client-side navigation proves the app's scripts loaded and hydrated under the policy.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members", exact: true }).click();
  await expect(page).toHaveURL(/\/members$/);
  // The 404 page too (Next's built-in one has an inline <style> without a nonce).
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect(await violations()).toEqual([]);
  await context.close();
});

test("the account page runs without CSP violations", async ({ page, context }) => {
  test.skip(!e2eDatabaseUrl, "signs a user in through the run's PostgreSQL database (npm test provides E2E_DATABASE_URL)");
  const user = await e2eDb().user.create({ data: { email: `csp-${randomBytes(5).toString("hex")}@example.test`, name: "Before" } });
  await signInContext(context, user.id, "Playwright");
  const violations = await watchCsp(page);
  await page.goto("/account");
  await page.getByLabel("Name").fill("After");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Your name was saved" })).toBeVisible();
  expect(await violations()).toEqual([]);
});
