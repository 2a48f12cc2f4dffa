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
  await expect(members.getByRole("heading", { name: "members", exact: true })).toBeVisible();
  const list = members.getByTestId("api-operation").filter({ hasText: "/api/v1/orgs/{slug}/members" }).filter({ hasText: "GET" }).first();
  // The description is Markdown: the permission is inline code, not backticks.
  await expect(list.locator("[data-markdown] code", { hasText: "members:read" })).toBeVisible();
  await expect(list).not.toContainText("`members:read`");
  await expect(list.getByTestId("method-badge")).toHaveAttribute("data-method", "GET");
  await expect(list.getByRole("cell", { name: "limit", exact: true })).toBeVisible();

  const document = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  await context.close();
});

test("filters by tag and search in the URL, links each operation, and shows request and response schemas", async ({ browser }) => {
  const user = await e2eDb().user.create({
    data: { email: `apiref-${randomBytes(5).toString("hex")}@example.test`, name: "Api Filter", emailVerified: new Date() },
  });
  const context = await browser.newContext();
  await signInContext(context, user.id, "e2e api reference filters");
  const page = await context.newPage();
  await page.goto("/api-reference");
  const all = await page.getByTestId("api-operation").count();

  // A tag chip narrows the list and says so in the URL.
  await page.getByRole("navigation", { name: "Tags" }).getByRole("link", { name: "secrets", exact: true }).click();
  await expect(page).toHaveURL(/\/api-reference\?tag=secrets$/);
  await expect(page.locator("section[id^='tag-']")).toHaveCount(1);
  await expect(page.locator("#tag-secrets")).toBeVisible();
  const secrets = await page.getByTestId("api-operation").count();
  expect(secrets).toBeGreaterThan(0);
  expect(secrets).toBeLessThan(all);

  // The search keeps the tag; the count line says what is shown.
  await page.getByRole("searchbox", { name: "Search operations" }).fill("DELETE");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?tag=secrets&q=DELETE$/);
  const deletes = page.getByTestId("api-operation");
  expect(await deletes.count()).toBeGreaterThan(0);
  // Every match says "delete" somewhere (its method or its permission), and the DELETE operations are among them.
  for (const operation of await deletes.all()) await expect(operation).toContainText(/delete/i);
  await expect(page.locator('[data-testid="method-badge"][data-method="DELETE"]').first()).toBeVisible();
  await expect(page.getByTestId("operation-count")).toContainText("tagged secrets");

  // Each operation has an anchor of its own.
  const first = deletes.filter({ has: page.locator('[data-testid="method-badge"][data-method="DELETE"]') }).first();
  const id = await first.getAttribute("id");
  expect(id).toMatch(/^op-delete/);
  await expect(first.getByRole("link", { name: /^Link to DELETE / })).toHaveAttribute("href", `#${id}`);

  // A request body and the responses, collapsed until asked for.
  await page.goto("/api-reference?tag=orgs&q=POST");
  const invite = page.getByTestId("api-operation").filter({ has: page.getByRole("heading", { name: "/api/v1/orgs", exact: true }) });
  const body = invite.getByTestId("request-body");
  await expect(body.getByTestId("schema-property").first()).toBeHidden();
  await body.locator(":scope > summary").click();
  await expect(body.getByTestId("schema-property").filter({ hasText: "slug" }).first()).toBeVisible();
  const responses = invite.getByTestId("responses");
  await responses.locator(":scope > summary").click();
  const invalid = responses.locator('[data-testid="response"][data-status="422"]');
  await expect(invalid).toContainText("details list each issue");
  // The error shape is shared: drawn once at the end of the page, linked from every error response.
  await invalid.getByRole("link", { name: "Error", exact: true }).click();
  await expect(page).toHaveURL(/#schema-Error$/);
  await expect(page.locator("#schema-Error").getByTestId("schema-property").filter({ hasText: /^requestId/ })).toBeVisible();

  // Nothing matches: said, not a blank page.
  await page.goto("/api-reference?q=no-such-operation-anywhere");
  await expect(page.getByText("No operation matches")).toBeVisible();
  await context.close();
});
