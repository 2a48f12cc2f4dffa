import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg, uniqueEmail } from "./support/accounts";
import { createSignedInUser, e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";

const sections = ["Org", "Members", "Secrets", "Integrations", "Activity", "Billing", "API keys", "Audit log"];
const paths = ["", "/members", "/secrets", "/integrations", "/activity", "/billing", "/api-keys", "/audit"];

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
  await expect(nav.getByRole("link")).toHaveText(sections);
  await expect(page.getByTestId("org-slug")).toHaveText(`/ ${org.slug}`);

  for (const [index, label] of sections.entries()) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}${paths[index]}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
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
  // Still inside the org's console, which lists only what the role opens.
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Billing" })).toHaveCount(0);
  expect((await page.goto(`/orgs/${org.slug}/audit`))?.status()).toBe(403);
  expect((await page.goto(`/orgs/${org.slug}/secrets`))?.status()).toBe(200);
  await context.close();
});
