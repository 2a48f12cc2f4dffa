// Two-factor authentication as a person meets it: turn on an authenticator app from the
// account page, then every sign-in (password or magic link) asks for a code; a code is
// good once, and so is each recovery code. Codes are computed here with otplib, as the
// person's phone would.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { authenticator } from "otplib";
import { expect, test, type Page } from "@playwright/test";
import { browserFor, createAccount, type Account } from "./support/accounts";
import { linkIn, waitForMail } from "./support/mailbox";

const outDir = path.join(import.meta.dirname, "..", ".test-results", "screenshots");

/** The code an authenticator shows `stepsAhead` 30-second steps from now (the server accepts ±1 step). */
function codeAt(secret: string, stepsAhead = 0): string {
  return authenticator.clone({ step: 30, epoch: Date.now() + stepsAhead * 30_000 }).generate(secret);
}

async function shoot(page: Page, name: string, target = page.locator("main")) {
  for (const [theme, viewport] of [["light", { width: 1280, height: 900 }], ["dark", { width: 1280, height: 900 }], ["light", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: theme });
    await target.screenshot({ path: path.join(outDir, `${name}-${theme}-${viewport.width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

async function signOut(page: Page) {
  // The MFA step's client navigation and refresh finish first: a refresh still in flight
  // when the sign-out form posts would land on the sign-in page with a `next` instead.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function passwordStep(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
}

async function submitCode(page: Page, code: string) {
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/v1/auth/mfa"));
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  return (await answer).status();
}

test("turn on TOTP from the account page; password and magic-link sign-ins then ask for a code, each code good once", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  mkdirSync(outDir, { recursive: true });
  const account = await createAccount(baseURL!, { label: "mfa" });
  const context = await browserFor(browser, account);
  const page = await context.newPage();

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section.getByTestId("two-factor-status")).toHaveText("Off");
  await section.getByRole("button", { name: "Set up", exact: true }).click();
  const reauth = page.getByRole("dialog", { name: "Set up an authenticator app" });
  await reauth.getByLabel("Current password").fill("not-my-password-1");
  await reauth.getByRole("button", { name: "Continue" }).click();
  await expect(reauth.getByText("Your current password is incorrect")).toBeVisible();
  await reauth.getByLabel("Current password").fill(account.password);
  await reauth.getByRole("button", { name: "Continue" }).click();
  await expect(reauth).toHaveCount(0);

  const secret = (await section.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await shoot(page, "mfa-setup", section);
  await section.getByLabel("Code from the app").fill("000000" === codeAt(secret) ? "111111" : "000000");
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByText("Incorrect code")).toBeVisible();
  // The previous step's code: the sign-in below uses the next one, and no code is ever taken twice.
  await section.getByLabel("Code from the app").fill(codeAt(secret, -1));
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(section.getByTestId("two-factor-status")).toHaveText("On");
  const codes = await section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  await shoot(page, "mfa-recovery-codes", section);
  await section.getByRole("button", { name: "I saved them" }).click();
  await expect(section.getByText("10 of 10 left")).toBeVisible();
  await shoot(page, "mfa-account-on", section);
  await signOut(page);

  // Password, then the code: the session starts only now.
  await passwordStep(page, account);
  expect((await context.cookies()).some((cookie) => cookie.name === "bastion.session")).toBe(false);
  await shoot(page, "mfa-step");
  const code = codeAt(secret, 1);
  expect(await submitCode(page, code)).toBe(200);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await signOut(page);

  // The same code again is a replay.
  await passwordStep(page, account);
  expect(await submitCode(page, code)).toBe(401);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already used");
  // A recovery code works, once.
  expect(await submitCode(page, codes[0]!)).toBe(200);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await signOut(page);
  await passwordStep(page, account);
  expect(await submitCode(page, codes[0]!)).toBe(401);

  // A magic link proves the email only: the MFA step follows, with no ticket in the URL.
  await page.goto("/magic-link");
  await page.getByLabel("Email address").fill(account.email);
  const since = Date.now();
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page).toHaveURL(/\/magic-link-sent$/);
  await page.goto(linkIn(await waitForMail(account.email, { subject: /sign-in link/, since }), "/api/auth/callback/email"));
  await expect(page).toHaveURL(/\/sign-in\/mfa$/);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  expect((await context.cookies()).some((cookie) => cookie.name === "bastion.session")).toBe(false);
  expect(await submitCode(page, codes[1]!)).toBe(200);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  expect((await context.cookies()).some((cookie) => cookie.name === "bastion-mfa-pending")).toBe(false);

  // Turning it off asks for confirmation, then the password.
  await page.goto("/account");
  await section.getByRole("button", { name: "Remove", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  const removeDialog = page.getByRole("dialog", { name: "Remove the authenticator app" });
  await removeDialog.getByLabel("Current password").fill(account.password);
  await removeDialog.getByRole("button", { name: "Remove" }).click();
  await expect(section.getByTestId("two-factor-status")).toHaveText("Off");
  await context.close();
});

test("add a passkey from the account page (a virtual authenticator), rename it, and sign in with it", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  mkdirSync(outDir, { recursive: true });
  // Browsers refuse IP addresses as passkey RP IDs: this test addresses the server as localhost.
  const localURL = baseURL!.replace("127.0.0.1", "localhost");
  const account = await createAccount(localURL, { label: "passkey" });
  const context = await browserFor(browser, account);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  await page.goto(`${localURL}/account`);
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await section.getByRole("button", { name: "Add passkey" }).click();
  const reauth = page.getByRole("dialog", { name: "Add a passkey" });
  await reauth.getByLabel("Current password").fill(account.password);
  await reauth.getByRole("button", { name: "Continue" }).click();
  await expect(section.getByRole("list", { name: "Passkeys" }).getByText("Passkey 1")).toBeVisible();
  await expect(section.getByTestId("two-factor-status")).toHaveText("On");
  await expect(section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await section.getByRole("button", { name: "I saved them" }).click();
  await section.getByRole("button", { name: "Rename Passkey 1" }).click();
  const rename = page.getByRole("dialog", { name: "Rename passkey" });
  await rename.getByLabel("Name").fill("Work laptop");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("list", { name: "Passkeys" }).getByText("Work laptop")).toBeVisible();
  await shoot(page, "mfa-account-passkey", section);
  await signOut(page);

  await passwordStep(page, account);
  const answer = page.waitForResponse((response) => response.url().endsWith("/api/v1/auth/mfa"));
  await page.getByRole("button", { name: "Use a passkey" }).click();
  expect((await answer).status()).toBe(200);
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
  await context.close();
});

