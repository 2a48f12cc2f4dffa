import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg, uniqueEmail } from "./support/accounts";
import { createSignedInUser, e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";

// Sidebar entry, its path under the org (or absolute), and the page's heading.
const sections: [label: string, path: string, heading: string][] = [
  ["Settings", "", "Settings"],
  ["Members", "/members", "Members"],
  ["Roles", "/roles", "Roles"],
  ["Billing", "/billing", "Billing"],
  ["Secrets", "/secrets", "Secrets"],
  ["API keys", "/api-keys", "API keys"],
  ["Audit log", "/audit", "Audit log"],
  ["Integrations", "/integrations", "Integrations"],
  ["Notification rules", "/integrations/rules", "Notification rules"],
  ["Activity", "/activity", "Activity"],
  ["API reference", "/api-reference", "API reference"],
  ["Account", "/account", "Account"],
];

test("the console asks a signed-out visitor to sign in, and comes back afterwards", async ({ page, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "returning" });
  const org = await createOrg(owner, "Return Co");
  await page.goto(`/orgs/${org.slug}/members?query=x`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Forgs%2F${org.slug}%2Fmembers%3Fquery%3Dx$`));
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/members\\?query=x$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
});

test("an owner's sidebar lists every console in order and navigates between them", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "shell" });
  const org = await createOrg(owner, "Shell Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();

  await page.goto(`/orgs/${org.slug}`);
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link")).toHaveText(sections.map(([label]) => label));
  await expect(page.getByTestId("current-org")).toHaveText("Shell Co");

  for (const [label, path, heading] of sections) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    const outsideOrg = path === "/api-reference" || path === "/account";
    // The API reference renders every operation on the server: give it longer than a console page.
    await expect(page).toHaveURL(new RegExp(`${outsideOrg ? path : `/orgs/${org.slug}${path}`}$`), { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    // Account and the API reference keep the frame, and its sidebar still leads back into the org.
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
  await context.close();
});

test("an org the user does not belong to is not found", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "victim" });
  const org = await createOrg(owner, "Private Co");
  const outsider = await createAccount(baseURL!, { label: "outsider" });
  const context = await browserFor(browser, outsider);
  const page = await context.newPage();
  const response = await page.goto(`/orgs/${org.slug}/members`);
  expect(response?.status()).toBe(404);
  await context.close();
});

test("a member opening a page their role does not include is refused with 403 inside the console", async ({ browser, baseURL }) => {
  test.skip(!e2eDatabaseUrl, "adds the member in the run's PostgreSQL database (npm test provides E2E_DATABASE_URL)");
  const owner = await createAccount(baseURL!, { label: "refuser" });
  const org = await createOrg(owner, "Refusal Co");
  const member = await createSignedInUser(uniqueEmail("plain-member"), "Plain Member");
  await e2eDb().membership.create({ data: { orgId: org.id, userId: member.userId, role: "member" } });
  const context = await browser.newContext();
  await signInContext(context, member.userId, "e2e");
  const page = await context.newPage();

  const response = await page.goto(`/orgs/${org.slug}/billing`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Billing" })).toHaveCount(0);
  // It names what is missing, and offers the way back.
  await expect(page.getByTestId("missing-permission")).toContainText("needs the billing:read permission");
  await expect(page.getByRole("link", { name: "Back to the organization" })).toHaveAttribute("href", `/orgs/${org.slug}`);
  // Still inside the org's console, which lists only what the role opens.
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Billing" })).toHaveCount(0);
  expect((await page.goto(`/orgs/${org.slug}/audit`))?.status()).toBe(403);
  expect((await page.goto(`/orgs/${org.slug}/secrets`))?.status()).toBe(200);
  await context.close();
});

test("a 404 inside the console keeps the frame and offers the way back", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "lost" });
  const org = await createOrg(owner, "Lost Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  for (const path of [`/orgs/${org.slug}/integrations/no-such-connection`, "/orgs/no-such-org-here"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Your organizations" })).toHaveAttribute("href", "/orgs");
  }
  await context.close();
});

test("signing in without a target lands in the organization last opened", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "lander" });
  await createOrg(owner, "First Co");
  const last = await createOrg(owner, "Second Co");
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  const signIn = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  };
  // Two organizations and none opened yet: the list.
  await signIn();
  await expect(page).toHaveURL(/\/orgs\?open=last$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your organizations" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: /Second Co/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${last.slug}$`));
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn();
  await expect(page).toHaveURL(new RegExp(`/orgs/${last.slug}$`));
  await context.close();
});

test("on a phone the sidebar is a drawer behind a menu button, and nothing scrolls sideways", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "phone" });
  const org = await createOrg(owner, "Phone Co");
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 390, height: 844 }, storageState: await owner.api.storageState(), extraHTTPHeaders: { "x-forwarded-for": owner.ip } });
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}`);
  await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
  await page.getByRole("button", { name: "Open navigation" }).click();
  const drawer = page.getByRole("dialog", { name: "Navigation" });
  await expect(drawer).toBeVisible();
  await drawer.getByRole("link", { name: "Secrets", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/secrets$`));
  await expect(drawer).toBeHidden();
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  for (const path of ["", "/members", "/secrets", "/api-keys", "/audit", "/integrations", "/billing"]) {
    await page.goto(`/orgs/${org.slug}${path}`);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path || "/"} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("a page view does not prefetch every console section", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "prefetch" });
  const org = await createOrg(owner, "Prefetch Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  const counts = { requests: 0, prefetches: 0, failed: 0 };
  page.on("request", (request) => {
    counts.requests += 1;
    if (request.headers()["next-router-prefetch"]) counts.prefetches += 1;
  });
  page.on("requestfailed", () => (counts.failed += 1));
  const perView: Record<string, typeof counts> = {};
  for (const path of ["", "/members", "/secrets", "/audit"]) {
    Object.assign(counts, { requests: 0, prefetches: 0, failed: 0 });
    await page.goto(`/orgs/${org.slug}${path}`);
    await page.waitForLoadState("networkidle");
    perView[path || "/"] = { ...counts };
  }
  console.log(`requests per page view: ${JSON.stringify(perView)}`);
  for (const [path, seen] of Object.entries(perView)) {
    // The sidebar alone used to prefetch its eight sections; a page's own links may still prefetch a couple.
    expect(seen.prefetches, `${path} prefetches`).toBeLessThanOrEqual(3);
    expect(seen.failed, `${path} cancelled requests`).toBeLessThanOrEqual(1);
  }
  await context.close();
});
