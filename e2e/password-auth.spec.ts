import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mailbox";

const PASSWORD = "violet-anchor-97-tundra";

function newEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A verified account made through the API, as the sign-up page would. */
async function verifiedAccount(request: APIRequestContext, baseURL: string, label: string): Promise<string> {
  const email = newEmail(label);
  const headers = { origin: baseURL };
  expect((await request.post("/api/v1/auth/sign-up", { headers, data: { email, password: PASSWORD, name: label } })).status()).toBe(200);
  const token = new URL(linkIn(await waitForMail(email, { subject: /^Verify your email/ }), "/verify-email")).searchParams.get("token");
  expect((await request.post("/api/v1/auth/verify-email", { headers, data: { token } })).status()).toBe(200);
  return email;
}

async function signInThroughPage(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/v1/auth/sign-in"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return answer;
}

test("sign up, verify the email from its link, sign in and sign out", async ({ page }) => {
  const email = newEmail("signup");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This password is too common");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`We sent an email to ${email}`);

  const link = linkIn(await waitForMail(email, { subject: /^Verify your email/ }), "/verify-email");
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your email address is verified. You can sign in now.");
  // The token leaves the address bar as soon as the page has read it.
  await expect(page).toHaveURL(/\/verify-email$/);

  await page.getByRole("link", { name: "Go to sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await signInThroughPage(page, email, PASSWORD)).status()).toBe(200);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toHaveCount(0);

  // The verification link worked once.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
});

test("forgot password: reset from the emailed link, then sign in with the new password", async ({ page, request, baseURL }) => {
  const email = await verifiedAccount(request, baseURL!, "reset");
  const newPassword = "copper-lantern-41-meadow";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // A client-side navigation: wait for the new page before typing, or the sign-in form gets the text.
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  const since = Date.now();
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`If ${email} has a Bastion account, we sent it a link`);

  await page.goto(linkIn(await waitForMail(email, { subject: /^Reset your Bastion password$/, since }), "/reset-password"));
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password was changed");

  await page.getByRole("link", { name: "Go to sign in" }).click();
  expect((await signInThroughPage(page, email, PASSWORD)).status()).toBe(401);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect");
  expect((await signInThroughPage(page, email, newPassword)).status()).toBe(200);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("lockout: ten wrong passwords lock the account, the page says so, and the emailed link unlocks it", async ({ page, request, baseURL }) => {
  const email = await verifiedAccount(request, baseURL!, "lockout");
  await page.goto("/sign-in");
  for (let attempt = 1; attempt < 10; attempt++) {
    expect((await signInThroughPage(page, email, `wrong-password-${attempt}`)).status()).toBe(401);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect");
  }
  expect((await signInThroughPage(page, email, "wrong-password-10")).status()).toBe(403);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This account is locked after too many failed sign-in attempts");
  expect((await signInThroughPage(page, email, PASSWORD)).status()).toBe(403);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This account is locked");

  await page.goto(linkIn(await waitForMail(email, { subject: /locked/ }), "/unlock"));
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Your account is unlocked. You can sign in again.");
  await page.getByRole("link", { name: "Go to sign in" }).click();
  expect((await signInThroughPage(page, email, PASSWORD)).status()).toBe(200);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});
