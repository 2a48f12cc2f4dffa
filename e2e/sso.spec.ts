// SSO through a real OpenID provider on loopback (e2e/support/oidc.ts): instance-wide
// sign-in, an ID token for the wrong audience, a tampered state, an unverified email
// that must not take over an account, and an org that requires SSO for its domain.
import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createOrgWithVerifiedDomain, createSignedInUser } from "./support/db";
import { e2eOidc } from "./support/oidc";
import { e2ePorts } from "./support/ports";

const unique = () => randomBytes(4).toString("hex");

async function signInAtIdp(page: Page, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${e2eOidc.issuer}/interaction/`));
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in to the IdP" }).click();
}

async function startInstanceSso(page: Page) {
  await page.goto("/magic-link");
  await page.getByRole("button", { name: `Continue with ${e2eOidc.displayName}` }).click();
}

async function hasSession(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name === "bastion.session");
}

test("signs a new user in through the instance identity provider", async ({ page, context }) => {
  const email = `sso-${unique()}@example.test`;
  await startInstanceSso(page);
  await signInAtIdp(page, email);
  await expect(page).toHaveURL(/\/onboarding\?callbackUrl=/);
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  expect(await hasSession(context)).toBe(true);
  expect(((await (await page.request.get("/api/auth/session")).json()) as { user: { email: string } }).user.email).toBe(email);
});

test("rejects an ID token issued for another audience", async ({ page, context }) => {
  await startInstanceSso(page);
  await signInAtIdp(page, `wrong-audience-${unique()}@example.test`);
  await expect(page).toHaveURL(/\/auth-error\?error=OAuthCallback$/);
  await expect(page.getByRole("heading", { name: "Single sign-on failed" })).toBeVisible();
  expect(await hasSession(context)).toBe(false);
});

test("rejects an authorization response with a tampered state", async ({ page, context }) => {
  await startInstanceSso(page);
  await signInAtIdp(page, `tampered-state-${unique()}@example.test`);
  await expect(page).toHaveURL(/\/auth-error\?error=OAuthCallback$/);
  expect(await hasSession(context)).toBe(false);
});

test("an IdP that does not verify an email cannot sign in as that email's existing account", async ({ page, context }) => {
  const email = `unverified-${unique()}@example.test`;
  await createSignedInUser(email);
  await startInstanceSso(page);
  await signInAtIdp(page, email);
  await expect(page).toHaveURL(/\/auth-error\?error=SsoAccountNotLinked$/);
  await expect(page.getByRole("heading", { name: "This identity is not linked to your account" })).toBeVisible();
  expect(await hasSession(context)).toBe(false);
});

test("an org admin sets up SSO required for the org's domain; a member's magic link ends at the org's IdP", async ({ page, browser, baseURL }) => {
  // The admin configures the org's IdP through the API (the settings page comes with the org console).
  const admin = await createSignedInUser(`admin-${unique()}@example.test`, "Org Admin");
  await createOrgWithVerifiedDomain({ slug: e2eOidc.orgSlug, domain: e2eOidc.orgDomain, userId: admin.userId, role: "admin" });
  const adminContext = await browser.newContext();
  await adminContext.addCookies([{ name: "bastion.session", value: admin.sessionToken, url: baseURL! }]);
  const saved = await adminContext.request.put(`/api/v1/orgs/${e2eOidc.orgSlug}/sso`, {
    headers: { origin: baseURL! },
    data: { issuer: e2eOidc.issuer, clientId: e2eOidc.orgClient.clientId, clientSecret: e2eOidc.orgClient.clientSecret, enforceForDomains: true },
  });
  expect(saved.status()).toBe(200);
  const savedText = await saved.text();
  expect(savedText).not.toContain(e2eOidc.orgClient.clientSecret);
  expect(JSON.parse(savedText).sso).toMatchObject({ enforceForDomains: true, hasClientSecret: true, signInPath: `/sso/${e2eOidc.orgSlug}` });
  await adminContext.close();

  // A member on the domain asks for a magic link and is sent to the org's IdP instead.
  const email = `member-${unique()}@${e2eOidc.orgDomain}`;
  const since = Date.now();
  await page.goto("/magic-link");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await signInAtIdp(page, email);
  await expect(page).toHaveURL(/\/onboarding\?callbackUrl=/);
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  const mailbox = await fetch(`http://127.0.0.1:${e2ePorts.mailboxHttp}/?to=${encodeURIComponent(email)}`);
  expect(((await mailbox.json()) as { receivedAt: number }[]).filter((mail) => mail.receivedAt >= since)).toEqual([]);

  // "Sign in with SSO" finds the same IdP from the work email.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await freshPage.goto("/sso");
  await freshPage.getByLabel("Work email").fill(`someone@${e2eOidc.orgDomain}`);
  await freshPage.getByRole("button", { name: "Continue with SSO" }).click();
  await expect(freshPage).toHaveURL(new RegExp(`^${e2eOidc.issuer}/interaction/`));
  await fresh.close();
});
