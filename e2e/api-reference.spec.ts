// The API reference page renders the OpenAPI document's operations grouped by tag.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";

test.skip(!e2eDatabaseUrl, "signs in through a session row in the run's database");

test("lists the members operations with their permission and parameters", async ({ browser, request }) => {
  const user = await e2eDb().user.create({
    data: { email: `apiref-${randomBytes(5).toString("hex")}@example.test`, name: "Api Reader", emailVerified: new Date() },
  });
  const context = await browser.newContext();
  await signInContext(context, user.id, "e2e api reference");
  const page = await context.newPage();
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const members = page.locator("#tag-members");
  await expect(members.getByRole("heading", { name: "members" })).toBeVisible();
  const list = members.getByTestId("api-operation").filter({ hasText: "/api/v1/orgs/{slug}/members" }).filter({ hasText: "GET" }).first();
  await expect(list).toContainText("members:read");
  await expect(list.getByRole("cell", { name: "limit", exact: true })).toBeVisible();

  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  await context.close();
});
