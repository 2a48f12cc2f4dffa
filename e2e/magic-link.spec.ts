// Magic-link sign-in as a user meets it: ask for a link, read it from the mailbox, open
// it. New users choose their name on onboarding; returning users go straight in.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./support/mailbox";

const SUBJECT = /sign-in link/;

async function requestMagicLink(page: Page, email: string): Promise<string> {
  const since = Date.now();
  await page.goto("/magic-link");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/magic-link-sent$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return linkIn(await waitForMail(email, { subject: SUBJECT, since }), "/api/auth/callback/email");
}

async function sessionOf(page: Page): Promise<{ user?: { email?: string; name?: string | null } }> {
  return (await page.request.get("/api/auth/session")).json();
}

test("a new user signs in with a magic link, lands on onboarding, and a returning user goes straight in", async ({ page, browser }) => {
  const email = `magic-${randomBytes(4).toString("hex")}@example.test`;
  const link = await requestMagicLink(page, email);

  await page.goto(link);
  await expect(page).toHaveURL(/\/onboarding\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Welcome to Bastion" })).toBeVisible();
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "bastion.session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByLabel("Your name").fill("Grace Hopper");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await sessionOf(page)).user).toMatchObject({ email, name: "Grace Hopper" });

  // The link worked once; opened again (say, from another browser) it is refused.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage).toHaveURL(/\/auth-error\?error=Verification$/);
  await expect(otherPage.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  expect((await other.cookies()).some((candidate) => candidate.name === "bastion.session")).toBe(false);

  // A returning user is not onboarded again.
  const secondLink = await requestMagicLink(otherPage, email);
  await otherPage.goto(secondLink);
  await expect(otherPage).toHaveURL(/\/$/);
  expect((await sessionOf(otherPage)).user).toMatchObject({ email, name: "Grace Hopper" });
  await other.close();
});
