// The secrets console as an owner and a member use it: create, reveal (hidden again after
// 30 seconds), edit, history and restore, .env import; a member cannot reveal.
import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg } from "./support/accounts";
import { e2eDb } from "./support/db";

test("an owner manages secrets; a member sees them but cannot reveal", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "secrets-owner" });
  const member = await createAccount(baseURL!, { label: "secrets-member" });
  const org = await createOrg(owner, "Secrets Co");
  const memberUser = await e2eDb().user.findUniqueOrThrow({ where: { email: member.email } });
  await e2eDb().membership.create({ data: { orgId: org.id, userId: memberUser.id, role: "member" } });

  const ownerContext = await browserFor(browser, owner);
  const page = await ownerContext.newPage();
  // A controllable clock, so the 30-second reveal window can be passed without waiting.
  await page.clock.install();
  await page.goto(`/orgs/${org.slug}/secrets`);
  await expect(page.getByRole("heading", { name: "Secrets" })).toBeVisible();

  // Create.
  await page.getByRole("button", { name: "New secret" }).first().click();
  await page.getByLabel("Key").fill("API_TOKEN");
  await page.getByLabel("Value", { exact: true }).fill("first-value-123");
  await page.getByLabel("Description").fill("Payment API");
  await page.getByLabel("Environment", { exact: true }).selectOption("production");
  await page.getByRole("button", { name: "Create secret" }).click();
  const row = page.getByTestId("secret-row").filter({ hasText: "API_TOKEN" });
  await expect(row).toContainText("production");
  await expect(row).toContainText("v1");
  await expect(page.getByText("first-value-123")).toHaveCount(0);

  // Reveal: shown, then hidden again once 30 seconds have passed.
  await row.getByRole("button", { name: "Reveal API_TOKEN" }).click();
  await expect(row.getByTestId("revealed-value")).toHaveText("first-value-123");
  await expect(row.getByRole("button", { name: "Copy API_TOKEN" })).toBeVisible();
  await page.clock.fastForward(29_000);
  await expect(row.getByTestId("revealed-value")).toBeVisible();
  await page.clock.fastForward(2_000);
  await expect(row.getByTestId("revealed-value")).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Reveal API_TOKEN" })).toBeVisible();

  // Edit: the form never shows the saved value; a new value makes version 2.
  await row.getByRole("button", { name: "Edit API_TOKEN" }).click();
  await expect(page.getByLabel("New value")).toHaveValue("");
  await page.getByLabel("New value").fill("second-value-456");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(row).toContainText("v2");

  // History and restore: version 1's value comes back as version 3.
  await row.getByRole("button", { name: "History of API_TOKEN" }).click();
  const history = page.getByRole("region", { name: "History of API_TOKEN" });
  await expect(history.getByTestId("version-row")).toHaveCount(2);
  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(row).toContainText("v3");
  await expect(history.getByTestId("version-row")).toHaveCount(3);
  await row.getByRole("button", { name: "Reveal API_TOKEN" }).click();
  await expect(row.getByTestId("revealed-value")).toHaveText("first-value-123");
  await row.getByRole("button", { name: "Hide API_TOKEN" }).click();

  // Import a .env file: preview shows the conflict, then the new key is created.
  await page.getByRole("button", { name: "Import .env" }).click();
  const importPanel = page.getByRole("region", { name: "Import .env" });
  await importPanel.getByLabel(".env file").setInputFiles({ name: "app.env", mimeType: "text/plain", buffer: Buffer.from("API_TOKEN=ignored\nSENTRY_DSN=https://key@sentry.example/1\n") });
  await expect(importPanel.getByLabel(".env content")).toHaveValue(/SENTRY_DSN/);
  await importPanel.getByRole("button", { name: "Preview" }).click();
  await expect(importPanel.getByTestId("import-row").filter({ hasText: "API_TOKEN" })).toContainText("exists");
  await expect(importPanel.getByTestId("import-row").filter({ hasText: "SENTRY_DSN" })).toContainText("new");
  await importPanel.getByRole("button", { name: "Import", exact: true }).click();
  await expect(importPanel.getByText("Imported: 1 created, 0 updated, 1 skipped.")).toBeVisible();
  await expect(page.getByTestId("secret-row").filter({ hasText: "SENTRY_DSN" })).toBeVisible();
  await expect(row).toContainText("v3");

  // Search and environment filter.
  // Search and filters are in the URL (?q=&env=), so a reload or a shared link keeps them.
  await page.getByLabel("Search secrets").fill("sentry");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("sentry");
  await expect(page.getByTestId("secret-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Search secrets")).toHaveValue("sentry");
  await expect(page.getByTestId("secret-row")).toHaveCount(1);
  await expect(page.getByTestId("secret-row")).toContainText("SENTRY_DSN");
  await page.getByLabel("Search secrets").fill("");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.has("q")).toBe(false);
  await expect(page.getByTestId("secret-row")).toHaveCount(2);
  await page.getByLabel("Environment filter").selectOption("production");
  await expect.poll(() => new URL(page.url()).searchParams.get("env")).toBe("production");
  await expect(page.getByTestId("secret-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Environment filter")).toHaveValue("production");
  await expect(page.getByTestId("secret-row")).toHaveCount(1);
  await expect(page.getByTestId("secret-row")).toContainText("API_TOKEN");
  // Sorting by a column is in the URL too.
  await page.getByLabel("Environment filter").selectOption("");
  await page.getByRole("button", { name: "Key", exact: true }).click();
  await page.getByRole("button", { name: "Key", exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("-key");
  await expect(page.getByTestId("secret-row").first()).toContainText("SENTRY_DSN");

  // A member sees the secrets but has no reveal button, and the API refuses the reveal.
  const memberContext = await browserFor(browser, member);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/orgs/${org.slug}/secrets`);
  const memberRow = memberPage.getByTestId("secret-row").filter({ hasText: "API_TOKEN" });
  await expect(memberRow).toBeVisible();
  await expect(memberPage.getByRole("button", { name: /^Reveal/ })).toHaveCount(0);
  await expect(memberPage.getByRole("link", { name: "Export .env" })).toHaveCount(0);
  const secretId = (await e2eDb().secret.findFirstOrThrow({ where: { orgId: org.id, key: "API_TOKEN" } })).id;
  const refused = await memberPage.request.post(`/api/v1/orgs/${org.slug}/secrets/${secretId}/reveal`, { data: {}, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("first-value-123");

  await ownerContext.close();
  await memberContext.close();
});
