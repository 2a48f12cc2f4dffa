// SCIM and trusted issuers as an owner sets them up in org settings: the SCIM token is
// shown once and provisions a user over the real endpoint; a trusted issuer is added and removed.
import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg } from "./support/accounts";

test("an owner creates a SCIM token, the IdP provisions a user with it, and the panel shows the sync", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "scim-owner" });
  const org = await createOrg(owner, "Scim Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}?tab=provisioning`);
  const panel = page.getByTestId("scim-panel");
  await expect(panel.getByTestId("scim-endpoint")).toContainText(`/api/scim/v2/${org.slug}`);
  await panel.getByRole("button", { name: "Create SCIM token" }).click();
  const token = (await panel.getByTestId("new-scim-token").textContent())!.trim();
  expect(token).toMatch(/^bscim_/);

  const api = await playwright.request.newContext({ baseURL });
  const created = await api.post(`/api/scim/v2/${org.slug}/Users`, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `e2e-${Date.now()}@example.test`, active: true },
  });
  expect(created.status()).toBe(201);
  await api.dispose();

  await page.reload();
  await expect(page.getByTestId("new-scim-token")).toHaveCount(0);
  await expect(panel.getByTestId("scim-last-sync")).not.toHaveText("Never");
  await expect(panel.getByTestId("scim-events")).toContainText("scim.user_created");
  await context.close();
});

test("an owner adds a trusted issuer and removes it through the confirmation dialog", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "issuer-owner" });
  const org = await createOrg(owner, "Issuer Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}?tab=api-access`);
  const panel = page.getByTestId("trusted-issuers-panel");
  await panel.getByLabel("Issuer URL").fill("https://idp.example.com/");
  await panel.getByLabel("Audience").fill(`https://api.example.com/${org.slug}`);
  await panel.getByLabel("JWKS URL").fill("https://idp.example.com/.well-known/jwks.json");
  await panel.getByRole("button", { name: "Add issuer" }).click();
  const item = panel.getByTestId("trusted-issuer");
  await expect(item).toContainText("https://idp.example.com/");
  await expect(item).toContainText("role member");
  await item.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: "Remove trusted issuer?" }).getByRole("button", { name: "Remove" }).click();
  await expect(panel.getByTestId("trusted-issuer")).toHaveCount(0);
  await context.close();
});
