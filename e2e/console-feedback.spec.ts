// Feedback a person can act on, console by console: refusals next to the field they are
// about (in the UI's words), results in toasts, destructive actions behind the console's
// own confirmation dialog, usable with the keyboard alone.
import { expect, test, type Page } from "@playwright/test";
import { browserFor, createAccount, createOrg } from "./support/accounts";
import { e2eDb } from "./support/db";

const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });

test("auth forms put each refusal under its field and drop it once the field is edited", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("violet-anchor-97-tundra");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  // The fields say it: no "Invalid body" above them.
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await page.getByLabel("Email").fill("ada@example.test");
  await expect(page.locator("#email-error")).toHaveCount(0);

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nope");
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
});

test("orgs, members and secrets: field errors, toasts and confirmation dialogs", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "feedback-owner" });
  const member = await createAccount(baseURL!, { label: "feedback-member" });
  const org = await createOrg(owner, "Feedback Co");
  const memberUser = await e2eDb().user.findUniqueOrThrow({ where: { email: member.email } });
  await e2eDb().membership.create({ data: { orgId: org.id, userId: memberUser.id, role: "member" } });
  const page = await (await browserFor(browser, owner)).newPage();

  // Create org: the URL name's refusal, in the form's words, under the URL name.
  await page.goto("/orgs");
  await page.getByLabel("Name", { exact: true }).fill("Second Co");
  await page.getByLabel("URL name").fill("x");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.locator("#org-slug-error")).toContainText("Use 3 to 48 lower-case letters");
  await page.getByLabel("URL name").fill("new");
  await expect(page.locator("#org-slug-error")).toHaveCount(0);

  // Org settings and domains.
  await page.goto(`/orgs/${org.slug}`);
  await page.getByLabel("Name", { exact: true }).fill("x".repeat(101));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#settings-name-error")).toHaveText("Use at most 100 characters");
  await page.getByLabel("Name", { exact: true }).fill("Feedback Company");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Settings saved")).toBeVisible();
  await page.getByRole("tab", { name: "Domains" }).click();
  await expect(page).toHaveURL(/\?tab=domains$/);
  await page.getByLabel("Domain", { exact: true }).fill("not a domain");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.locator("#domain-error")).toHaveText("Enter a domain like example.com");
  await expect(page.getByText("You are an owner here")).toBeVisible();

  // Members: a link invitation without domains says so under the field; role change and removal.
  await page.goto(`/orgs/${org.slug}/members`);
  await page.getByLabel("Invite by").selectOption("link");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.locator("#invite-domains-error")).toHaveText("Add at least one email domain");
  await page.getByLabel("Invite by").selectOption("email");
  await page.getByLabel("Email address").fill("someone@example.test");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(toast(page, "Invitation sent")).toBeVisible();
  const row = page.getByTestId("member-row").filter({ hasText: member.email });
  await row.getByLabel(`Role of ${member.email}`).selectOption("billing");
  await expect(toast(page, "Role changed")).toBeVisible();

  // Keyboard only: Escape cancels, Tab reaches the buttons, Enter confirms.
  await row.getByRole("button", { name: `Remove ${member.email}` }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: `Remove ${member.email}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Remove ${member.email}` }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Remove member" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toast(page, `${member.email} removed`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // Secrets: the key's refusal under the key; deletion asks for the key typed.
  await page.goto(`/orgs/${org.slug}/secrets`);
  await expect(page.getByTestId("empty-state")).toContainText("No secrets yet");
  await page.getByRole("button", { name: "New secret" }).first().click();
  await page.getByLabel("Key").fill("9LIVES");
  await page.getByLabel("Value", { exact: true }).fill("v");
  await page.getByRole("button", { name: "Create secret" }).click();
  await expect(page.locator("#secret-key-error")).toContainText("starting with a letter");
  await page.getByLabel("Key").fill("API_TOKEN");
  await expect(page.locator("#secret-key-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Create secret" }).click();
  await expect(toast(page, "API_TOKEN saved")).toBeVisible();
  await page.getByRole("button", { name: "Delete API_TOKEN" }).click();
  const deletion = page.getByRole("alertdialog", { name: "Delete API_TOKEN?" });
  await expect(deletion.getByRole("button", { name: "Delete secret" })).toBeDisabled();
  await deletion.getByLabel(/Type API_TOKEN to confirm/).fill("API_TOKEN");
  await deletion.getByRole("button", { name: "Delete secret" }).click();
  await expect(toast(page, "API_TOKEN deleted")).toBeVisible();
});

test("account: the name's refusal under the field, a toast when saved", async ({ browser, baseURL }) => {
  const account = await createAccount(baseURL!, { label: "feedback-account" });
  const page = await (await browserFor(browser, account)).newPage();
  await page.goto("/account");
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.locator("#account-name-error")).toHaveText("Enter your name");
  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(toast(page, "Your name was saved")).toBeVisible();
});
