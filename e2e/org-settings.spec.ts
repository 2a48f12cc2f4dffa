// The org page's tabs: one tab per concern, the selected tab in the URL (linkable, kept on
// reload), the WAI-ARIA keyboard pattern, and only the tabs the viewer's role may use.
import { expect, test } from "@playwright/test";
import { browserFor, createAccount, createOrg, uniqueEmail } from "./support/accounts";
import { createSignedInUser, e2eDb, signInContext } from "./support/db";

test("the org page's tabs follow the URL and the arrow keys", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "tabs-owner" });
  const org = await createOrg(owner, "Tabs Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}`);
  const tablist = page.getByRole("tablist", { name: "Organization settings" });
  await expect(tablist.getByRole("tab")).toHaveText(["General", "Domains", "Security", "Single sign-on", "Provisioning", "API access"]);
  const general = tablist.getByRole("tab", { name: "General" });
  await expect(general).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "General" }).getByRole("heading", { name: "Danger zone" })).toBeVisible();

  await general.focus();
  await page.keyboard.press("ArrowRight");
  await expect(tablist.getByRole("tab", { name: "Domains" })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}\\?tab=domains$`));
  await expect(page.getByRole("tabpanel", { name: "Domains" }).getByLabel("Domain", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Danger zone" })).toHaveCount(0);

  await page.keyboard.press("End");
  await expect(page).toHaveURL(/\?tab=api-access$/);
  await page.reload();
  await expect(tablist.getByRole("tab", { name: "API access" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("trusted-issuers-panel")).toBeVisible();

  await tablist.getByRole("tab", { name: "API access" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(general).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}$`));

  await page.goto(`/orgs/${org.slug}?tab=sso`);
  await expect(page.getByRole("tabpanel", { name: "Single sign-on" }).getByRole("heading", { name: "SAML" })).toBeVisible();
  await context.close();

  // A plain member sees the tabs of what they may read, and an unknown tab falls back to General.
  const member = await createSignedInUser(uniqueEmail("tabs-member"), "Tab Member");
  await e2eDb().membership.create({ data: { orgId: org.id, userId: member.userId, role: "member" } });
  const memberContext = await browser.newContext({ baseURL });
  await signInContext(memberContext, member.userId, "e2e org tabs");
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/orgs/${org.slug}?tab=provisioning`);
  await expect(memberPage.getByRole("tablist", { name: "Organization settings" }).getByRole("tab")).toHaveText(["General", "Domains", "Security"]);
  await expect(memberPage.getByRole("tab", { name: "General" })).toHaveAttribute("aria-selected", "true");
  await memberContext.close();
});
