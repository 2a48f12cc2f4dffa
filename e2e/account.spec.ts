// The account page in the browser: revocable sessions (the acceptance check), password
// change, sign out everywhere, email change, delete account.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hashPassword, verifyPassword } from "../lib/auth/passwords";
import { createSession } from "../lib/auth/sessions";
import { e2eDatabaseUrl, e2eDb, signInContext } from "./support/db";
import { linkIn, waitForMail } from "./support/mailbox";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PASSWORD = "e2e-Passphrase-2718";
const SIGNED_OUT = /\/sign-in\?next=(%2F|\/)account$/;

test.skip(!e2eDatabaseUrl, "creates users and sessions in the run's PostgreSQL database (npm test provides E2E_DATABASE_URL)");

async function createUser(options: { password?: string | null; name?: string } = {}) {
  return e2eDb().user.create({
    data: {
      email: `account-${randomBytes(5).toString("hex")}@example.test`,
      name: options.name ?? "Account Tester",
      passwordHash: options.password === null ? null : await hashPassword(options.password ?? PASSWORD),
      emailVerified: new Date(),
    },
  });
}

async function accountPageAs(browser: Browser, userId: string, userAgent: string): Promise<{ page: Page; sessionId: string }> {
  const context = await browser.newContext();
  const session = await signInContext(context, userId, userAgent);
  const page = await context.newPage();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  return { page, sessionId: session.sessionId };
}

test("revoking a session from a second browser signs the first out on its next request", async ({ browser }) => {
  const user = await createUser();
  const a = await accountPageAs(browser, user.id, FIREFOX_WINDOWS);
  const b = await accountPageAs(browser, user.id, CHROME_LINUX);

  const rows = b.page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This device" })).toContainText("Chrome on Linux");
  await expect(rows.filter({ hasText: "Firefox on Windows" })).toContainText("127.0.0.1");
  await b.page.getByRole("button", { name: "Revoke Firefox on Windows session" }).click();
  await expect(rows).toHaveCount(1);

  await a.page.reload();
  await expect(a.page).toHaveURL(SIGNED_OUT);
  expect((await a.page.request.get("/api/v1/account")).status()).toBe(401);
  // B is unaffected.
  await b.page.reload();
  await expect(b.page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  expect(await e2eDb().auditEvent.count({ where: { actorId: user.id, action: "session.revoked", targetId: a.sessionId } })).toBe(1);
});

test("changing the password in the page ends the other sessions and keeps this one", async ({ browser }) => {
  const user = await createUser();
  const elsewhere = await createSession(e2eDb(), { userId: user.id, method: "password", ip: "10.0.0.7", userAgent: FIREFOX_WINDOWS });
  const { page, sessionId } = await accountPageAs(browser, user.id, CHROME_LINUX);
  const newPassword = "e2e-Changed-Phrase-3141";

  await page.getByLabel("Current password").fill("not-my-password-123");
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  // The refusal sits under the field it is about, and the field is marked invalid.
  await expect(page.locator("#current-password-error")).toHaveText("Your current password is incorrect");
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password was changed" })).toHaveText(
    "Your password was changed and 1 other session was signed out.",
  );
  await expect(page.getByTestId("session-row")).toHaveCount(1);

  const stored = await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(newPassword, stored.passwordHash!)).toBe(true);
  expect(await e2eDb().session.findUnique({ where: { id: elsewhere.sessionId } })).toBeNull();
  expect(await e2eDb().session.findUnique({ where: { id: sessionId } })).not.toBeNull();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});

test("sign out everywhere ends every session, this browser's included", async ({ browser }) => {
  const user = await createUser();
  const a = await accountPageAs(browser, user.id, FIREFOX_WINDOWS);
  const b = await accountPageAs(browser, user.id, CHROME_LINUX);

  await b.page.getByRole("button", { name: "Sign out everywhere" }).click();
  // Asked first, in the console's own dialog.
  await b.page.getByRole("alertdialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(b.page).toHaveURL(SIGNED_OUT);
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
  expect((await b.page.context().cookies()).filter((cookie) => cookie.name.endsWith("bastion.session"))).toEqual([]);
  await a.page.reload();
  await expect(a.page).toHaveURL(SIGNED_OUT);
});

test("changing the email address through the emailed link", async ({ browser }) => {
  const user = await createUser({ password: null });
  const { page } = await accountPageAs(browser, user.id, CHROME_LINUX);
  await expect(page.getByRole("heading", { name: "Set a password" })).toBeVisible();
  const newEmail = `moved-${randomBytes(5).toString("hex")}@example.test`;
  const since = Date.now();

  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "confirmation link" })).toContainText(`We sent a confirmation link to ${newEmail}`);
  await waitForMail(user.email, { subject: /being changed/, since });
  const link = linkIn(await waitForMail(newEmail, { subject: /Confirm your new email/, since }), "/account/confirm-email");

  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token")!;
  expect(token.length).toBeGreaterThan(20);
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Confirm new email address" })).toBeEnabled();
  expect(await page.content()).not.toContain(token);
  await page.getByRole("button", { name: "Confirm new email address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your email address is now" })).toHaveText(`Your email address is now ${newEmail}.`);
  await expect(page).toHaveURL(/\/account\/confirm-email$/);
  await page.getByRole("link", { name: "Back to your account" }).click();
  await expect(page.getByTestId("current-email")).toHaveText(newEmail);
});

test("deleting the account: refused while sole owner of an org, then done with the typed confirmation", async ({ browser }) => {
  const user = await createUser();
  const org = await e2eDb().organization.create({ data: { name: "Lonely Org", slug: `lonely-${randomBytes(4).toString("hex")}` } });
  await e2eDb().membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
  const { page } = await accountPageAs(browser, user.id, CHROME_LINUX);

  const deleteButton = page.getByRole("button", { name: "Delete my account" });
  await expect(deleteButton).toBeDisabled();
  await page.getByLabel("Type delete my account to confirm").fill("delete my account");
  await page.getByLabel("Your password").fill(PASSWORD);
  await deleteButton.click();
  await expect(page.getByRole("alert").filter({ hasText: "only owner" })).toContainText("You are the only owner of Lonely Org");

  await e2eDb().organization.delete({ where: { id: org.id } });
  await deleteButton.click();
  await expect(page).toHaveURL(/\/$/);
  expect(await e2eDb().user.findUnique({ where: { id: user.id } })).toBeNull();
  await page.goto("/account");
  await expect(page).toHaveURL(SIGNED_OUT);
});
