import { expect, test } from "@playwright/test";

test("the landing page presents Bastion and leads to the console", async ({ page, baseURL }) => {
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!)) foreignRequests.push(request.url());
  });

  await page.goto("/");
  await expect(page).toHaveTitle("Bastion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The enterprise layer for your SaaS");
  for (const feature of ["Organizations", "Members & RBAC", "Secrets", "Integrations", "Billing", "API"]) {
    await expect(page.getByRole("heading", { name: feature, exact: true })).toBeVisible();
  }
  // The billing card names what the billing console does.
  await expect(page.getByText("Stripe plans, checkout and portal, seats, usage metering and plan quotas.")).toBeVisible();

  await page.getByRole("link", { name: "Open the console" }).click();
  // Signed out: the console asks for a sign-in first and remembers where to go.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Forgs$/);

  // Self-hosted means self-contained: no fonts, scripts or beacons from elsewhere.
  expect(foreignRequests).toEqual([]);
});
