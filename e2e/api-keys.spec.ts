// API keys as an owner uses them: create one in the console, see it once, call the API
// with it, revoke it, and the same call is refused.
import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg } from "./support/accounts";

test("an owner creates an API key, calls the API with it, revokes it, and the key stops working", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "keys-owner" });
  const org = await createOrg(owner, "Keys Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();

  await page.goto(`/orgs/${org.slug}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API keys", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  // Scopes no key could use are not offered.
  await expect(page.getByLabel("members:invite")).toHaveCount(0);
  await expect(page.getByLabel("api-keys:manage")).toHaveCount(0);
  // Field errors stand next to their fields.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.locator("#api-key-name-error")).toHaveText("Enter a name");
  await expect(page.locator("#api-key-scopes-error")).toHaveText("Choose at least one scope");
  // A preset fills the checkboxes.
  await page.getByRole("button", { name: "Read-only" }).click();
  await expect(page.getByLabel("audit:read")).toBeChecked();
  await expect(page.getByLabel("secrets:write")).not.toBeChecked();
  await page.getByRole("button", { name: "Read-only" }).click();
  for (const scope of ["org:read", "secrets:read", "integrations:read", "billing:read", "audit:read"]) await page.getByLabel(scope).uncheck();
  await page.getByLabel("Name", { exact: true }).fill("deploy bot");
  await expect(page.getByLabel("members:read")).toBeChecked();
  await page.getByRole("button", { name: "Create key" }).click();

  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^bst_live_[0-9A-Za-z]{32}$/);
  const row = page.getByTestId("api-key-deploy bot");
  await expect(row).toContainText(secret.slice(0, 16));
  await expect(row).toContainText("Active");
  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  const api = await playwright.request.newContext({ baseURL });
  const headers = { authorization: `Bearer ${secret}` };
  const listed = await api.get(`/api/v1/orgs/${org.slug}/members`, { headers });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).items[0].email).toBe(owner.email);
  // Its scopes do not reach the audit log.
  expect((await api.get(`/api/v1/orgs/${org.slug}/audit`, { headers })).status()).toBe(403);

  // A session-only route tells a key it is not accepted there (403, not 401).
  const sessionOnly = await api.get(`/api/v1/account`, { headers });
  expect(sessionOnly.status()).toBe(403);
  expect((await sessionOnly.json()).error.message).toBe("This route does not accept API keys");

  await page.reload();
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Revoke deploy bot?");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row).toContainText(/on \w/);

  const refused = await api.get(`/api/v1/orgs/${org.slug}/members`, { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
  await api.dispose();
  await context.close();
});
