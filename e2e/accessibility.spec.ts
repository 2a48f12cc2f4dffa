// Accessibility: axe finds no serious or critical violation on any console page, light
// or dark, and the console's shell works from the keyboard alone: the skip link, the
// sidebar, the org switcher (search, arrows, Enter) and the user menu (Escape returns focus),
// and the dialogs: the one confirmation (typed or not) and the connect dialog.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { browserFor, createOrg } from "./support/accounts";
import { contextFor, seedConsole, settle, type SeededConsole } from "./support/console-pages";
import { appOrigin } from "./support/db";

let seeded: SeededConsole;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  seeded = await seedConsole(appOrigin);
});

for (const theme of ["light", "dark"] as const) {
  test(`no serious or critical axe violations on any console page, ${theme}`, async ({ browser }) => {
    test.setTimeout(480_000);
    const found: string[] = [];
    for (const view of seeded.pages) {
      const context = await contextFor(browser, seeded, view.as, { viewport: { width: 1440, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(view.path);
      await settle(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations.filter((candidate) => candidate.impact === "serious" || candidate.impact === "critical")) {
        found.push(`${view.name} (${theme}): ${violation.id} [${violation.impact}] ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
}

test("the console shell works from the keyboard alone", async ({ browser }) => {
  const second = await createOrg(seeded.owner, "Keyboard Works");
  const context = await browserFor(browser, seeded.owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${seeded.org.slug}`);
  await settle(page);

  // The first Tab reaches the skip link, which moves focus to the page's content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Tabbing from the top reaches the sidebar, whose links navigate with Enter.
  await page.goto(`/orgs/${seeded.org.slug}`);
  const sidebar = page.getByRole("navigation", { name: "Console" });
  const members = sidebar.getByRole("link", { name: "Members", exact: true });
  for (let presses = 0; presses < 15 && !(await members.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(members).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/orgs/${seeded.org.slug}/members$`));
  await expect(sidebar.getByRole("link", { name: "Members", exact: true })).toHaveAttribute("aria-current", "page");

  // The org switcher: Enter opens it on its search field; typing filters; ArrowDown and Enter switch.
  const switcher = page.getByRole("button", { name: "Switch organization" });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const search = page.getByRole("searchbox", { name: "Search organizations" });
  await expect(search).toBeFocused();
  await page.keyboard.type("keyboard");
  const list = page.getByRole("list", { name: "Your organizations" });
  await expect(list.getByRole("link")).toHaveText([/Keyboard Works$/]);
  await page.keyboard.press("ArrowDown");
  await expect(list.getByRole("link", { name: "Keyboard Works" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/orgs/${second.slug}$`));
  await expect(page.getByTestId("current-org")).toHaveText("Keyboard Works");

  // Escape closes the switcher and gives focus back to its button.
  await switcher.focus();
  await page.keyboard.press("Enter");
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(search).toHaveCount(0);
  await expect(switcher).toBeFocused();

  // The user menu: names the user, arrows move between items, Escape returns focus.
  const userMenu = page.getByRole("button", { name: "Account menu" });
  await userMenu.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Account menu" });
  await expect(page.getByTestId("user-email")).toHaveText(seeded.owner.email);
  await expect(menu.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Your organizations" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(userMenu).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await context.close();
});

test("dialogs work from the keyboard alone: focus starts inside, stays inside, and goes back to the opener", async ({ browser }) => {
  const context = await browserFor(browser, seeded.owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${seeded.org.slug}/secrets`);
  await settle(page);

  // A typed confirmation: Enter opens it on the field to type in; Escape cancels.
  const remove = page.getByRole("button", { name: "Delete SENTRY_DSN" });
  await remove.focus();
  await page.keyboard.press("Enter");
  const confirmation = page.getByRole("alertdialog", { name: "Delete SENTRY_DSN?" });
  await expect(confirmation).toBeVisible();
  await expect(confirmation.getByLabel("Type SENTRY_DSN to confirm")).toBeFocused();
  // Tab cycles inside the modal dialog, never back into the page behind it.
  for (let presses = 0; presses < 6; presses += 1) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(remove).toBeFocused();

  // Typing the key and Enter confirms.
  await page.keyboard.press("Enter");
  await expect(confirmation.getByLabel("Type SENTRY_DSN to confirm")).toBeFocused();
  await page.keyboard.type("SENTRY_DSN");
  await page.keyboard.press("Enter");
  await expect(confirmation).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete SENTRY_DSN" })).toHaveCount(0);

  // A form dialog: the connect dialog opens from the catalogue and closes with Escape.
  await page.goto(`/orgs/${seeded.org.slug}/integrations`);
  await settle(page);
  const connectLinear = page.getByRole("button", { name: "Connect Linear", exact: true });
  await connectLinear.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Connect Linear" });
  await expect(dialog).toBeVisible();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(connectLinear).toBeFocused();
  await context.close();
});
