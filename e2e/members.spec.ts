// The org and members consoles as an owner and an invited member use them.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, browserFor, createAccount, uniqueEmail } from "./support/accounts";
import { linkIn, waitForMail } from "./support/mailbox";

test("an owner creates an org, invites a member who joins, changes their role, removes them; the audit log shows it all", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "owner" });
  const member = await createAccount(baseURL!, { label: "member" });
  const ownerContext = await browserFor(browser, owner);
  const memberContext = await browserFor(browser, member);
  const ownerPage = await ownerContext.newPage();
  const memberPage = await memberContext.newPage();

  // The owner creates the organization.
  await ownerPage.goto("/orgs");
  await ownerPage.getByLabel("Name", { exact: true }).fill("Members Co");
  await ownerPage.getByRole("button", { name: "Create organization" }).click();
  await expect(ownerPage).toHaveURL(/\/orgs\/members-co$/);
  const slug = new URL(ownerPage.url()).pathname.split("/")[2]!;

  // ... and invites the member by email.
  await ownerPage.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members", exact: true }).click();
  await ownerPage.getByLabel("Email address").fill(member.email);
  const since = Date.now();
  await ownerPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(ownerPage.getByText("Invitation sent.")).toBeVisible();
  await expect(ownerPage.getByTestId("invitation-row")).toContainText(member.email);

  // The member opens the emailed link in their own browser and accepts.
  const link = linkIn(await waitForMail(member.email, { subject: /invited you to Members Co/, since }), "/invitations/accept");
  await memberPage.goto(link);
  await expect(memberPage.getByRole("heading", { name: "Join Members Co" })).toBeVisible();
  await memberPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(memberPage).toHaveURL(new RegExp(`/orgs/${slug}$`));
  await expect(memberPage.getByRole("navigation", { name: "Console" })).toBeVisible();

  // The owner sees them, makes them an admin, then removes them.
  await ownerPage.reload();
  const row = ownerPage.getByTestId("member-row").filter({ hasText: member.email });
  await expect(row).toContainText("member");
  const roleChanged = ownerPage.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes("/members/"));
  await row.getByLabel(`Role of ${member.email}`).selectOption("admin");
  expect((await roleChanged).status()).toBe(200);
  await ownerPage.reload();
  await expect(row.getByLabel(`Role of ${member.email}`)).toHaveValue("admin");

  // The search is in the URL: it survives a reload, and clearing it shows everyone again.
  await ownerPage.getByLabel("Search members").fill(member.email);
  await ownerPage.getByRole("button", { name: "Search", exact: true }).click();
  await expect.poll(() => new URL(ownerPage.url()).searchParams.get("q")).toBe(member.email);
  await expect(ownerPage.getByTestId("member-row")).toHaveCount(1);
  await ownerPage.reload();
  await expect(ownerPage.getByLabel("Search members")).toHaveValue(member.email);
  await expect(ownerPage.getByTestId("member-row")).toHaveCount(1);
  await expect(row).toBeVisible();
  await ownerPage.getByLabel("Search members").fill("nobody-matches-this");
  await ownerPage.getByRole("button", { name: "Search", exact: true }).click();
  await expect(ownerPage.getByText("No members match “nobody-matches-this”")).toBeVisible();
  await ownerPage.getByRole("button", { name: "Clear the search" }).click();
  await expect.poll(() => new URL(ownerPage.url()).searchParams.has("q")).toBe(false);
  await expect(ownerPage.getByTestId("member-row")).toHaveCount(2);

  await row.getByRole("button", { name: `Remove ${member.email}` }).click();
  await ownerPage.getByRole("alertdialog", { name: `Remove ${member.email}?` }).getByRole("button", { name: "Remove member" }).click();
  await expect(ownerPage.getByTestId("toast").filter({ hasText: "removed" })).toBeVisible();
  await expect(row).toHaveCount(0);

  // The removed member's next page load shows no access.
  const afterRemoval = await memberPage.reload();
  expect(afterRemoval?.status()).toBe(404);

  // The audit log shows each step, and exports it.
  await ownerPage.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log", exact: true }).click();
  for (const action of ["member.removed", "member.role_changed", "member.joined", "invitation.created", "org.created"]) {
    await expect(ownerPage.locator(`[data-testid="audit-row"][data-action="${action}"]`).first()).toBeVisible();
  }
  const download = ownerPage.waitForEvent("download");
  await ownerPage.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv.split("\n")[0]).toBe("id,createdAt,action,actorId,actorType,targetType,targetId,ip,userAgent,requestId,metadata");
  for (const action of ["org.created", "invitation.created", "member.joined", "member.role_changed", "member.removed"]) expect(csv).toContain(`"${action}"`);

  await ownerContext.close();
  await memberContext.close();
});

test("a member sees the console without the sections their role may not read", async ({ browser, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "owner2" });
  const billing = await createAccount(baseURL!, { label: "billing" });
  const response = await owner.api.post("/api/v1/orgs", { data: { name: "Roles Co", slug: `roles-${Date.now().toString(36)}` } });
  const org = await response.json();
  const since = Date.now();
  expect((await owner.api.post(`/api/v1/orgs/${org.slug}/invitations`, { data: { kind: "email", email: billing.email, role: "billing" } })).status()).toBe(201);
  const token = new URLSearchParams(new URL(linkIn(await waitForMail(billing.email, { since }), "/invitations/accept")).hash.slice(1)).get("token");
  expect((await billing.api.post("/api/v1/invitations/accept", { data: { token } })).status()).toBe(200);

  const context = await browserFor(browser, billing);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}`);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link")).toHaveText(["Settings", "Members", "Roles", "Billing", "API reference", "Account"]);
  expect((await page.goto(`/orgs/${org.slug}/audit`))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await page.goto(`/orgs/${org.slug}/roles`);
  await expect(page.getByRole("img", { name: "billing may billing:manage" })).toBeVisible();
  await expect(page.getByRole("img", { name: "billing may not secrets:read" })).toBeVisible();
  await context.close();
});

test("someone without an account signs up from an invitation and lands back on it", async ({ page, baseURL }) => {
  const owner = await createAccount(baseURL!, { label: "inviter" });
  const org = await (await owner.api.post("/api/v1/orgs", { data: { name: "Welcome Co", slug: `welcome-${Date.now().toString(36)}` } })).json();
  const email = uniqueEmail("newcomer");
  let since = Date.now();
  expect((await owner.api.post(`/api/v1/orgs/${org.slug}/invitations`, { data: { kind: "email", email } })).status()).toBe(201);
  await page.goto(linkIn(await waitForMail(email, { subject: /invited you to Welcome Co/, since }), "/invitations/accept"));
  await expect(page.getByRole("heading", { name: "Join Welcome Co" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();

  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  await page.getByLabel("Name").fill("New Comer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  since = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(linkIn(await waitForMail(email, { subject: /^Verify your email/, since }), "/verify-email"));
  await page.getByRole("link", { name: "Go to sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Join Welcome Co" })).toBeVisible();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}$`));
});
