// The audit log page as an owner sees it: the chain badge says the org's trail verifies,
// and names the event once a row is edited behind the database's triggers.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { browserFor, createAccount, createOrg } from "./support/accounts";
import { e2eDatabaseUrl } from "./support/db";

test("the audit log shows whether the org's chain verifies, and where it breaks", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "audit-owner" });
  const org = await createOrg(owner, "Audit Co");
  const renamed = await owner.api.patch(`/api/v1/orgs/${org.slug}`, { data: { name: "Audit Company" } });
  expect(renamed.status()).toBe(200);
  const context = await browserFor(browser, owner);
  const page = await context.newPage();

  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-chain-badge")).toHaveText("Chain verified");
  await expect(page.getByText("2 events checked, back to the first one kept.")).toBeVisible();
  await page.getByTestId("audit-row").first().waitFor();
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("audit-verified-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: testInfo.outputPath("audit-verified-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Rows name the actor; the drawer shows the event's metadata.
  const renamedRow = page.locator('[data-testid="audit-row"][data-action="org.updated"]');
  await expect(renamedRow).toContainText(owner.email);
  // An org target is named like the others: the org's name, its id on hover.
  await expect(renamedRow).toContainText("Audit Company");
  await expect(renamedRow.locator(`[title="org ${org.id}"]`)).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-row"][data-action="org.created"]')).toContainText("Audit Company");
  await renamedRow.getByRole("button", { name: /Details of org.updated/ }).click();
  const drawer = page.getByTestId("audit-drawer");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("Request id");
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);

  // Filters go to the URL, so the view can be linked and reloaded; the export takes them too.
  await page.getByLabel("Action", { exact: true }).fill("org.updated");
  await page.getByLabel("Actor", { exact: true }).fill(owner.email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=org\.updated/);
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("audit-row")).toHaveCount(1);
  const exportHref = await page.getByTestId("audit-export-csv").getAttribute("href");
  expect(exportHref).toContain("action=org.updated");
  const exported = await owner.api.get(exportHref!);
  expect((await exported.text()).trim().split("\n")).toHaveLength(2);
  // A reversed date range is a field error, not an empty list.
  await page.getByLabel("From", { exact: true }).fill("2026-12-04");
  await page.getByLabel("To", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator("#audit-to-error")).toHaveText("must not be before the start date");
  await page.goto(`/orgs/${org.slug}/audit`);
  await expect(page.getByTestId("audit-row")).toHaveCount(3);

  // The embedded database of single-process runs is out of a spec's reach.
  if (e2eDatabaseUrl) {
    const superuser = new pg.Client({ connectionString: e2eDatabaseUrl });
    await superuser.connect();
    try {
      const { rows } = await superuser.query<{ id: string }>(`SELECT id FROM "AuditEvent" WHERE "orgId" = $1 AND seq = 1`, [org.id]);
      await superuser.query("BEGIN");
      await superuser.query("SET LOCAL session_replication_role = replica");
      await superuser.query(`UPDATE "AuditEvent" SET ip = '203.0.113.1' WHERE id = $1`, [rows[0]!.id]);
      await superuser.query("COMMIT");
      await page.reload();
      await expect(page.getByTestId("audit-chain-badge")).toHaveText("Chain broken");
      await expect(page.getByTestId("audit-chain-badge").locator("..")).toContainText(`at event ${rows[0]!.id}: its fields no longer match its hash`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: testInfo.outputPath("audit-broken-phone.png"), fullPage: true });
    } finally {
      await superuser.end();
    }
  }
  await context.close();
});
