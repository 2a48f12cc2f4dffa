// Telemetry is off unless a PostHog key is configured (this server has none): no page
// may send a request to a PostHog host, load posthog-js, or allow one in its CSP.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";

const POSTHOG_SIGNATURE = "__posthog"; // a string present in posthog-js's bundle, not in ours

function watch(page: Page) {
  const requests: string[] = [];
  const scripts: Promise<string>[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  return { requests, scripts };
}

test("signed out: no request leaves for PostHog and posthog-js is not loaded", async ({ page, baseURL }) => {
  const seen = watch(page);
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("connect-src 'self';");
    await page.waitForLoadState("networkidle");
  }
  expect(seen.requests.filter((url) => /posthog/i.test(url))).toEqual([]);
  expect(seen.requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== new URL(baseURL!).origin)).toEqual([]);
  const bodies = await Promise.all(seen.scripts);
  expect(bodies.length).toBeGreaterThan(0);
  expect(bodies.filter((body) => body.includes(POSTHOG_SIGNATURE))).toEqual([]);
  expect(await page.evaluate(() => "posthog" in window)).toBe(false);
});

test("signed in: the account page shows the opt-out and still sends nothing to PostHog", async ({ browser, baseURL }) => {
  test.skip(!e2eDatabaseUrl, "signs in through a session row in the run's database");
  const user = await e2eDb().user.create({
    data: { email: `telemetry-${randomBytes(5).toString("hex")}@example.test`, name: "Telemetry Tester", emailVerified: new Date() },
  });
  const context = await browser.newContext();
  await signInContext(context, user.id, "e2e telemetry");
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto("/account");
  const optOut = page.getByRole("checkbox", { name: "Do not send analytics about me" });
  await expect(optOut).toBeEnabled();
  await optOut.click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(optOut).toBeChecked();
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).telemetryOptOut).toBe(true);
  await page.goto("/api-reference");
  await page.waitForLoadState("networkidle");
  expect(seen.requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== new URL(baseURL!).origin)).toEqual([]);
  expect((await Promise.all(seen.scripts)).filter((body) => body.includes(POSTHOG_SIGNATURE))).toEqual([]);
  await context.close();
});
