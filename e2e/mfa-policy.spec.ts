// The org's "require two-factor authentication" as members see it: the owner's panel, the
// grace-period banner on every org page, and, once the grace period is over, the refusal
// inside the console frame (403) and on the API (mfa_required). Each view is also saved
// under .test-results/screenshots/mfa-*.png, light and dark, desktop and phone, to be looked at.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { appOrigin, createOrgWithVerifiedDomain, createSignedInUser, e2eDb, signInContext } from "./support/db";

const outDir = path.join(import.meta.dirname, "..", ".test-results", "screenshots");
const DAY_MS = 24 * 60 * 60 * 1000;
const views = [
  { name: "light-desktop", colorScheme: "light", viewport: { width: 1440, height: 900 } },
  { name: "dark-desktop", colorScheme: "dark", viewport: { width: 1440, height: 900 } },
  { name: "light-mobile", colorScheme: "light", viewport: { width: 390, height: 844 } },
] as const;

async function orgRequiringMfa(requiredDaysAgo: number) {
  const suffix = randomBytes(4).toString("hex");
  const domain = `mfa-${suffix}.test`;
  const owner = await createSignedInUser(`owner@${domain}`, "MFA Owner");
  await e2eDb().user.update({ where: { id: owner.userId }, data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } });
  const slug = `mfa-${suffix}`;
  const orgId = await createOrgWithVerifiedDomain({ slug, domain, userId: owner.userId, role: "owner" });
  await e2eDb().orgMfaPolicy.create({ data: { orgId, requiredSince: new Date(Date.now() - requiredDaysAgo * DAY_MS), graceDays: 7 } });
  const member = await createSignedInUser(`member@${domain}`, "Unenrolled Member");
  await e2eDb().membership.create({ data: { orgId, userId: member.userId, role: "member" } });
  return { slug, owner, member };
}

async function eachView(browser: Browser, userId: string, shoot: (page: Page, name: string) => Promise<void>) {
  for (const view of views) {
    const context = await browser.newContext({ baseURL: appOrigin, viewport: view.viewport, colorScheme: view.colorScheme });
    await signInContext(context, userId, `e2e-${view.name}`);
    await shoot(await context.newPage(), view.name);
    await context.close();
  }
}

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));

test("the owner sees the requirement and its grace period in the panel; an unenrolled member gets the banner", async ({ browser }) => {
  test.setTimeout(120_000);
  const { slug, owner, member } = await orgRequiringMfa(1);
  await eachView(browser, owner.userId, async (page, name) => {
    await page.goto(`/orgs/${slug}?tab=security`);
    const panel = page.getByRole("form", { name: "Two-factor requirement" });
    await expect(panel.getByLabel("Require two-factor authentication for members")).toBeChecked();
    await expect(panel.getByTestId("mfa-policy-status")).toContainText("keep access until");
    // The owner has MFA: no banner for them.
    await expect(page.getByTestId("mfa-grace-banner")).toHaveCount(0);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(outDir, `mfa-policy-panel-${name}.png`) });
  });
  await eachView(browser, member.userId, async (page, name) => {
    await page.goto(`/orgs/${slug}/secrets`);
    await expect(page.getByTestId("mfa-grace-banner")).toContainText("requires two-factor authentication");
    await expect(page.getByTestId("mfa-grace-banner").getByRole("link", { name: "Set up two-factor authentication" })).toHaveAttribute("href", "/account#two-factor");
    await page.screenshot({ path: path.join(outDir, `mfa-grace-banner-${name}.png`) });
  });
});

test("after the grace period an unenrolled member is refused inside the console frame and on the API", async ({ browser }) => {
  test.setTimeout(120_000);
  const { slug, member } = await orgRequiringMfa(30);
  await eachView(browser, member.userId, async (page, name) => {
    const response = await page.goto(`/orgs/${slug}/secrets`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("mfa-required")).toContainText("requires two-factor authentication");
    await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Set up two-factor authentication" })).toHaveAttribute("href", "/account#two-factor");
    await page.screenshot({ path: path.join(outDir, `mfa-required-${name}.png`) });
    if (name === "light-desktop") {
      const api = await page.request.get(`/api/v1/orgs/${slug}`);
      expect(api.status()).toBe(403);
      expect((await api.json()).error.code).toBe("mfa_required");
    }
  });
});
