import { expect, test } from "@playwright/test";

const sections = [
  { label: "Org", path: "/orgs/acme", heading: "Org" },
  { label: "Members", path: "/orgs/acme/members", heading: "Members" },
  { label: "Secrets", path: "/orgs/acme/secrets", heading: "Secrets" },
  { label: "Integrations", path: "/orgs/acme/integrations", heading: "Integrations" },
  { label: "Billing", path: "/orgs/acme/billing", heading: "Billing" },
  { label: "Audit log", path: "/orgs/acme/audit", heading: "Audit log" },
];

test("the console sidebar lists every console in order and navigates between them", async ({ page }) => {
  await page.goto("/orgs/acme");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link")).toHaveText(sections.map((section) => section.label));
  await expect(page.getByTestId("org-slug")).toHaveText("/ acme");

  for (const section of sections) {
    await nav.getByRole("link", { name: section.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${section.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.heading);
    await expect(nav.getByRole("link", { name: section.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("the console shell renders on a narrow screen", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto("/orgs/acme/secrets");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Secrets");
  await expect(page.getByText("Nothing here yet")).toBeVisible();
});
