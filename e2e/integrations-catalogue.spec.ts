// The integrations catalogue: every provider with its logo (shipped in public/), its connect
// methods and the org's connections of it; where this instance's app is missing (the GitHub
// App here), a setup checklist naming the variables and the URLs to register instead of a
// dead button. The rules page sends to connecting Slack first. Provider refusals and field
// errors appear where the admin can act on them. Screenshots in light and dark, desktop
// and mobile, under .test-results/screenshots/ux-catalog.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { browserFor, createAccount, createOrg, type Account } from "./support/accounts";
import { standInCredentials } from "./support/provider-stand-ins";

const expect = baseExpect.configure({ timeout: 15_000 });

async function connectGitHubByApi(owner: Account, slug: string): Promise<{ id: string }> {
  const response = await owner.api.post(`/api/v1/orgs/${slug}/integrations`, { data: { provider: "github", method: "token", token: standInCredentials.github.token } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { connection: { id: string } }).connection;
}

test("the catalogue lists every provider with its logo, methods and connections, and a setup checklist for the unconfigured GitHub App", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "catalogue-owner" });
  const org = await createOrg(owner, "Catalogue Co");
  await connectGitHubByApi(owner, org.slug);
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/integrations`);

  const cards = page.getByTestId("provider-card");
  await expect(cards).toHaveCount(5);
  for (const label of ["GitHub", "GitLab", "Jira", "Linear", "Slack"]) {
    const logo = page.getByRole("img", { name: `${label} logo` });
    await expect(logo).toBeVisible();
    // The SVG loaded from this origin (a broken image has no natural width).
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0 && new URL(image.src).origin === location.origin)).toBe(true);
  }

  const github = page.locator('[data-testid="provider-card"][data-provider="github"]');
  await expect(github).toContainText("Repositories, pull requests");
  await expect(github.getByRole("link", { name: "octocat" })).toBeVisible();
  await expect(github.getByRole("button", { name: "Add another" })).toBeEnabled();
  await expect(github.locator('[data-testid="connect-method"][data-available="false"]')).toHaveText(["Install the GitHub App", "GitHub App installation id"]);
  await expect(github.locator('[data-testid="connect-method"][data-available="true"]')).toHaveText(["Fine-grained token"]);
  // Slack's app is configured here: it connects, no checklist.
  const slack = page.locator('[data-testid="provider-card"][data-provider="slack"]');
  await expect(slack.getByRole("button", { name: "Connect Slack" })).toBeEnabled();
  await expect(slack.getByTestId("setup-button")).toHaveCount(0);

  await github.getByRole("button", { name: "Set up the GitHub App" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up GitHub on this instance" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\?setup=github$/);
  const checklist = dialog.getByTestId("setup-checklist");
  await expect(checklist.getByTestId("setup-variable")).toHaveText([/GITHUB_APP_ID/, /GITHUB_APP_PRIVATE_KEY/, /GITHUB_APP_SLUG/, /GITHUB_APP_WEBHOOK_SECRET/]);
  await expect(checklist.locator('[data-testid="setup-variable"][data-set="false"]')).toHaveCount(4);
  await expect(checklist.getByTestId("setup-url")).toHaveText([`${baseURL}/api/integrations/oauth/github/callback`, `${baseURL}/api/webhooks/github`]);
  await expect(checklist.getByRole("link", { name: /New GitHub App/ })).toHaveAttribute("href", /\/settings\/apps\/new$/);

  // The open checklist is in the URL: a reload (or a shared link) shows it again; Escape closes it.
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Set up GitHub on this instance" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/integrations$`));
  await context.close();
});

test("the rules page guides to connecting Slack first, and the link opens Slack's connect dialog", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = await createAccount(baseURL!, { label: "catalogue-rules" });
  const org = await createOrg(owner, "Rules Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/integrations/rules`);
  const guidance = page.getByTestId("connect-slack-first");
  await expect(guidance.getByRole("heading", { name: "Connect Slack first" })).toBeVisible();
  await expect(page.getByRole("form", { name: "New rule" })).toHaveCount(0);
  await guidance.getByRole("link", { name: "Connect Slack" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/integrations\\?connect=slack$`));
  await expect(page.getByRole("dialog", { name: "Connect Slack" }).getByRole("button", { name: "Continue to Slack" })).toBeVisible();
  await context.close();
});

test("the connect dialog puts field errors next to their fields and says what happened when a provider cannot be reached", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const owner = await createAccount(baseURL!, { label: "catalogue-errors" });
  const org = await createOrg(owner, "Errors Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/integrations?connect=jira`);
  const dialog = page.getByRole("dialog", { name: "Connect Jira" });
  await dialog.getByRole("radio", { name: /Jira Data Center token/ }).check();
  await dialog.getByLabel("Jira URL").fill("https://jira.example.com");
  const token = dialog.getByLabel("Personal access token", { exact: true });
  await token.fill("short");
  await dialog.getByRole("button", { name: "Connect Jira" }).click();
  await expect(token).toHaveAttribute("aria-invalid", "true");
  const message = dialog.locator("#connect-token-error");
  await expect(message).toHaveText(/too short for a token/);
  await expect(token).toHaveAttribute("aria-describedby", /connect-token-error/);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  // Editing the field clears its stale message.
  await token.fill("shortish-but-now-long-enough");
  await expect(message).toHaveCount(0);
  await page.keyboard.press("Escape");

  // A host that does not resolve: the refusal names it and the reason, not "refused the connection".
  await page.getByTestId("provider-card").filter({ hasText: "GitLab" }).getByRole("button", { name: "Connect GitLab" }).click();
  const gitlab = page.getByRole("dialog", { name: "Connect GitLab" });
  await gitlab.getByRole("radio", { name: /Project or group access token/ }).check();
  await gitlab.getByLabel("Access token", { exact: true }).fill("glpat-e2e-not-a-real-token-000");
  await gitlab.getByLabel("GitLab URL (optional)").fill("https://gitlab.bastion-e2e.invalid");
  await gitlab.getByRole("button", { name: "Connect GitLab" }).click();
  await expect(gitlab.getByRole("alert")).toHaveText(/could not reach gitlab\.bastion-e2e\.invalid: DNS lookup failed/, { timeout: 30_000 });
  await expect(gitlab.getByRole("alert")).not.toContainText("glpat-");
  await context.close();
});

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, mobile: { width: 390, height: 844 } } as const;

async function shoot(page: Page, name: string) {
  // No page-level horizontal scroll at any width.
  expect.soft(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} scrolls horizontally`).toBe(true);
  await page.screenshot({ path: `.test-results/screenshots/ux-catalog/${name}.png`, fullPage: true });
}

async function contextFor(browser: Browser, owner: Account, scheme: "light" | "dark", viewport: keyof typeof VIEWPORTS) {
  return browser.newContext({ baseURL: owner.baseURL, storageState: await owner.api.storageState(), extraHTTPHeaders: { "x-forwarded-for": owner.ip }, colorScheme: scheme, viewport: VIEWPORTS[viewport] });
}

test("screenshots: catalogue, checklist, connection, rules and API reference in light and dark, desktop and mobile", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const owner = await createAccount(baseURL!, { label: "catalogue-shots" });
  const org = await createOrg(owner, "Screenshot Co");
  const connection = await connectGitHubByApi(owner, org.slug);
  for (const scheme of ["light", "dark"] as const) {
    for (const viewport of ["desktop", "mobile"] as const) {
      const context = await contextFor(browser, owner, scheme, viewport);
      const page = await context.newPage();
      const suffix = `${viewport}-${scheme}`;
      await page.goto(`/orgs/${org.slug}/integrations`);
      await expect(page.getByTestId("provider-card")).toHaveCount(5);
      await expect(page.getByTestId("connection-row")).toHaveCount(1);
      await shoot(page, `integrations-catalogue-${suffix}`);
      await page.goto(`/orgs/${org.slug}/integrations?setup=github`);
      await expect(page.getByTestId("setup-checklist")).toBeVisible();
      await page.screenshot({ path: `.test-results/screenshots/ux-catalog/integrations-setup-${suffix}.png` });
      await page.goto(`/orgs/${org.slug}/integrations/${connection.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, `integration-connection-${suffix}`);
      await page.goto(`/orgs/${org.slug}/integrations/rules`);
      await expect(page.getByTestId("connect-slack-first")).toBeVisible();
      await shoot(page, `integrations-rules-${suffix}`);
      await page.goto("/api-reference?tag=integrations");
      await expect(page.getByTestId("api-operation").first()).toBeVisible();
      await page.getByTestId("request-body").first().locator(":scope > summary").click();
      await page.getByTestId("responses").first().locator(":scope > summary").click();
      await shoot(page, `api-reference-${suffix}`);
      await context.close();
    }
  }
});
