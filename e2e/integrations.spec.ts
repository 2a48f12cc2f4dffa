// The integrations console as an admin, a member and an outsider use it: connect GitHub
// (token, checked by the GitHub stand-in), see the webhook URL and its secret once, watch a
// signed delivery appear live in the delivery log, open its payload, redeliver it; connect
// Slack through its OAuth install (Slack stand-in), sync its channels, route GitHub pushes
// to a channel and see the message reach the stand-in. Deliveries are signed exactly as
// GitHub signs them, with real @octokit/webhooks-examples payloads.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { expect as baseExpect, test, type APIRequestContext, type Page } from "@playwright/test";
import { browserFor, createAccount, createOrg, randomClientIp, type Account } from "./support/accounts";
import { e2eDb } from "./support/db";
import { e2ePorts } from "./support/ports";
import { slackMessagesReceived, standInCredentials } from "./support/provider-stand-ins";

// Each step waits on a provider stand-in, the worker or a poll on a machine shared with other runs.
const expect = baseExpect.configure({ timeout: 15_000 });

// Required, not imported: Playwright loads specs as ES modules, where a JSON import needs an attribute.
const githubExamples = createRequire(import.meta.url)("@octokit/webhooks-examples") as { name: string; examples: unknown[] }[];
const pushBody = JSON.stringify(githubExamples.find((definition) => definition.name === "push")!.examples[0]);

/** Posts a push to a webhook URL signed as GitHub signs it (HMAC-SHA256 of the body); returns its delivery id and headers. */
async function deliverPush(hooks: APIRequestContext, webhookUrl: string, secret: string) {
  const deliveryId = randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/e2e",
    "x-github-event": "push",
    "x-github-delivery": deliveryId,
    "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(pushBody).digest("hex")}`,
  };
  const response = await hooks.post(webhookUrl, { data: pushBody, headers });
  expect(response.status()).toBe(202);
  return { deliveryId, headers };
}

/** Connects GitHub through the API (for the specs that are not about connecting). */
async function connectGitHubByApi(owner: Account, slug: string): Promise<{ id: string; webhookUrl: string; webhookSecret: string }> {
  const response = await owner.api.post(`/api/v1/orgs/${slug}/integrations`, { data: { provider: "github", method: "token", token: standInCredentials.github.token } });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { connection: { id: string; webhookUrl: string }; webhookSecret: string };
  return { id: body.connection.id, webhookUrl: body.connection.webhookUrl, webhookSecret: body.webhookSecret };
}

const deliveryRow = (page: Page, deliveryId: string) => page.locator(`[data-testid="delivery-row"][data-delivery-id="${deliveryId}"]`);

test("an admin connects GitHub, watches a signed delivery arrive live, redelivers it, and routes pushes to a Slack channel", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(240_000);
  const owner = await createAccount(baseURL!, { label: "integrations-owner" });
  const org = await createOrg(owner, "Hooks Co");
  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  const hooks = await playwright.request.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });

  await page.goto(`/orgs/${org.slug}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Integrations", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await expect(page.getByTestId("data-table-empty")).toContainText("No connections yet");

  // A token the provider refuses: the dialog says so and nothing is stored.
  await page.getByRole("button", { name: "Connect GitHub" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect GitHub" });
  await dialog.getByLabel("Token", { exact: true }).fill("github_pat_refused_0000000000000000");
  await dialog.getByRole("button", { name: "Connect GitHub" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(dialog.getByRole("alert")).not.toContainText("github_pat_refused");
  expect(await e2eDb().integrationConnection.count({ where: { orgId: org.id } })).toBe(0);

  // The stand-in's token: the connection page shows the webhook URL and, this once, the secret.
  await dialog.getByLabel("Token", { exact: true }).fill(standInCredentials.github.token);
  await dialog.getByRole("button", { name: "Connect GitHub" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/integrations/[\\w-]+$`));
  const connectionId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { name: "octocat", level: 1 })).toBeVisible();
  const webhookUrl = `${baseURL}/api/webhooks/github/${connectionId}`;
  await expect(page.getByTestId("webhook-url")).toHaveText(webhookUrl);
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.getByTestId("webhook-url")).toHaveText(webhookUrl);
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  // The first sync (queued with the connection) lists the token's repositories.
  await expect(page.getByTestId("resource-row").filter({ hasText: "octocat/Hello-World" })).toBeVisible({ timeout: 30_000 });

  // A delivery posted now appears in the open page without a reload, then gets processed.
  await page.evaluate(() => {
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
  });
  await expect(page.getByTestId("data-table-empty")).toContainText("No deliveries yet");
  const first = await deliverPush(hooks, webhookUrl, secret);
  const row = deliveryRow(page, first.deliveryId);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("push");
  await expect(row.getByTestId("delivery-status")).toHaveText("processed", { timeout: 30_000 });
  await expect(row.getByTestId("delivery-attempts")).toHaveText("1");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Its payload: headers as stored (the signature redacted), the JSON as a collapsible tree.
  await row.getByRole("button", { name: `Payload of ${first.deliveryId}` }).click();
  const viewer = page.getByRole("region", { name: `Delivery ${first.deliveryId}` });
  await expect(viewer.getByTestId("delivery-headers")).toContainText("x-github-event");
  await expect(viewer.getByTestId("delivery-headers")).toContainText(first.deliveryId);
  await expect(viewer.getByTestId("delivery-headers")).toContainText("[redacted]");
  await expect(viewer).not.toContainText(first.headers["x-hub-signature-256"]!.slice("sha256=".length));
  const payload = viewer.getByTestId("delivery-payload");
  await expect(payload).toContainText('"refs/tags/simple-tag"');
  await expect(payload.getByText('"Codertocat/Hello-World"')).toBeHidden();
  await payload.locator("summary", { hasText: '"repository"' }).click();
  await expect(payload.getByText('"Codertocat/Hello-World"')).toBeVisible();

  // Redeliver: processed a second time, and its event is still recorded once.
  await row.getByRole("button", { name: `Redeliver ${first.deliveryId}` }).click();
  await expect(row.getByTestId("delivery-attempts")).toHaveText("2", { timeout: 30_000 });
  await expect(row.getByTestId("delivery-status")).toHaveText("processed", { timeout: 30_000 });
  const stored = await e2eDb().webhookDelivery.findFirstOrThrow({ where: { connectionId, deliveryId: first.deliveryId } });
  expect(await e2eDb().orgEvent.count({ where: { orgId: org.id, deliveryId: stored.id } })).toBe(1);

  // The status filter and the opened payload are in the URL, so a reload keeps them.
  await expect.poll(() => new URL(page.url()).searchParams.get("delivery")).toBe(stored.id);
  await page.getByLabel("Delivery status").selectOption("processed");
  await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("processed");
  await row.getByRole("button", { name: `Payload of ${first.deliveryId}` }).click();
  await page.reload();
  await expect(page.getByLabel("Delivery status")).toHaveValue("processed");
  await expect(row).toBeVisible();
  await expect(page.getByRole("region", { name: `Delivery ${first.deliveryId}` }).getByTestId("delivery-payload")).toContainText('"refs/tags/simple-tag"');
  await page.getByLabel("Delivery status").selectOption("dead");
  await expect(page.getByTestId("data-table-empty")).toContainText("No dead deliveries");
  await page.getByRole("button", { name: "Show all statuses" }).click();
  await expect(row).toBeVisible();

  // Slack through its OAuth v2 install at the stand-in, back on the new connection's page.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Integrations", exact: true }).click();
  await expect(page.getByTestId("connection-row").filter({ hasText: "octocat" })).toContainText("Healthy");
  await page.getByRole("button", { name: "Connect Slack" }).click();
  await page.getByRole("dialog", { name: "Connect Slack" }).getByRole("button", { name: "Continue to Slack" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${org.slug}/integrations/[\\w-]+\\?connected=1$`));
  await expect(page.getByText("Slack is connected.")).toBeVisible();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("resource-row").filter({ hasText: "deploys" })).toBeVisible({ timeout: 30_000 });

  // A rule: GitHub pushes (any synced repository) to #deploys.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Integrations", exact: true }).click();
  await page.getByRole("main").getByRole("link", { name: "Notification rules" }).click();
  await expect(page.getByRole("heading", { name: "Notification rules", level: 1 })).toBeVisible();
  const ruleName = `Pushes ${randomBytes(3).toString("hex")}`;
  const form = page.getByRole("form", { name: "New rule" });
  await form.getByLabel("Rule name").fill(ruleName);
  await form.getByLabel("Source", { exact: true }).selectOption("github");
  await form.getByLabel("push", { exact: true }).check();
  await expect(form.getByLabel("Only for", { exact: true }).locator("option", { hasText: "octocat/Hello-World" })).toHaveCount(1);
  await form.getByLabel("Channel", { exact: true }).selectOption({ label: "#deploys" });
  await form.getByRole("button", { name: "Create rule" }).click();
  const rule = page.getByTestId("rule-row").filter({ hasText: ruleName });
  await expect(rule).toContainText("#deploys");
  await expect(rule).toContainText("push");
  await expect(rule.getByRole("checkbox", { name: `Enabled: ${ruleName}` })).toBeChecked();

  // The next push is posted to #deploys by the worker.
  await deliverPush(hooks, webhookUrl, secret);
  const routed = async () => (await slackMessagesReceived()).filter((message) => JSON.stringify(message.blocks).includes(ruleName));
  await expect.poll(async () => (await routed()).length, { timeout: 30_000 }).toBe(1);
  const [message] = await routed();
  expect(message!.channel).toBe("C0DEPLOYS");
  expect(message!.text).toMatch(/^\[GitHub\] .*Codertocat\/Hello-World/);

  // Both pushes are in the activity feed.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByTestId("activity-item").filter({ hasText: "Codertocat/Hello-World" })).toHaveCount(2);

  await hooks.dispose();
  await context.close();
});

test("a member sees connections and their delivery log but no connect, redeliver or rule controls", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(baseURL!, { label: "integrations-admin" });
  const member = await createAccount(baseURL!, { label: "integrations-member" });
  const org = await createOrg(owner, "Watch Co");
  const memberUser = await e2eDb().user.findUniqueOrThrow({ where: { email: member.email } });
  await e2eDb().membership.create({ data: { orgId: org.id, userId: memberUser.id, role: "member" } });
  const connection = await connectGitHubByApi(owner, org.slug);
  const hooks = await playwright.request.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  const delivery = await deliverPush(hooks, connection.webhookUrl, connection.webhookSecret);

  const context = await browserFor(browser, member);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/integrations`);
  await expect(page.getByTestId("connection-row")).toHaveCount(1);
  await expect(page.getByRole("button", { name: /^Connect / })).toHaveCount(0);

  await page.getByTestId("connection-row").getByRole("link").click();
  await expect(page.getByTestId("webhook-url")).toHaveText(connection.webhookUrl);
  const row = deliveryRow(page, delivery.deliveryId);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Payload of ${delivery.deliveryId}` }).click();
  await expect(page.getByTestId("delivery-payload")).toContainText('"refs/tags/simple-tag"');
  for (const control of [/^Redeliver/, /^Rotate webhook secret$/, /^Disconnect$/, /^Disable$/, /^Check connection$/, /^Sync now$/]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }
  // The API refuses what the page does not offer.
  const stored = await e2eDb().webhookDelivery.findFirstOrThrow({ where: { connectionId: connection.id, deliveryId: delivery.deliveryId } });
  const refused = await page.request.post(`/api/v1/orgs/${org.slug}/integrations/${connection.id}/deliveries/${stored.id}/redeliver`, { data: {}, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);

  await page.goto(`/orgs/${org.slug}/integrations/rules`);
  await expect(page.getByRole("heading", { name: "Notification rules", level: 1 })).toBeVisible();
  await expect(page.getByTestId("data-table-empty")).toContainText("No rules yet");
  await expect(page.getByRole("form", { name: "New rule" })).toHaveCount(0);

  await hooks.dispose();
  await context.close();
});

test("another org's integrations are not found, under its slug or under the user's own", async ({ browser, baseURL }) => {
  const victim = await createAccount(baseURL!, { label: "integrations-victim" });
  const victimOrg = await createOrg(victim, "Victim Co");
  const connection = await connectGitHubByApi(victim, victimOrg.slug);
  const attacker = await createAccount(baseURL!, { label: "integrations-attacker" });
  const attackerOrg = await createOrg(attacker, "Attacker Co");

  const context = await browserFor(browser, attacker);
  const page = await context.newPage();
  for (const path of [
    `/orgs/${victimOrg.slug}/integrations`,
    `/orgs/${victimOrg.slug}/integrations/${connection.id}`,
    `/orgs/${victimOrg.slug}/activity`,
    `/orgs/${attackerOrg.slug}/integrations/${connection.id}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(connection.webhookUrl)).toHaveCount(0);
  }
  await context.close();
});

test("an admin makes a Jira Data Center connection accept unsigned webhooks, and the console warns about it", async ({ browser, baseURL, playwright }) => {
  const owner = await createAccount(baseURL!, { label: "jira-dc-owner" });
  const org = await createOrg(owner, "Data Center Co");
  const connected = await owner.api.post(`/api/v1/orgs/${org.slug}/integrations`, {
    data: { provider: "jira", method: "token", baseUrl: `http://127.0.0.1:${e2ePorts.atlassianStandIn}/dc`, token: standInCredentials.jira.personalAccessToken, name: "Jira DC" },
  });
  expect(connected.status()).toBe(201);
  const { connection } = (await connected.json()) as { connection: { id: string; webhookUrl: string } };
  const hooks = await playwright.request.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomClientIp() } });
  const unsigned = () => hooks.post(connection.webhookUrl, { data: JSON.stringify({ webhookEvent: "jira:issue_updated", timestamp: Date.now() }), headers: { "content-type": "application/json" } });
  expect((await unsigned()).status()).toBe(401);

  const context = await browserFor(browser, owner);
  const page = await context.newPage();
  await page.goto(`/orgs/${org.slug}/integrations/${connection.id}`);
  await page.getByRole("button", { name: "Accept unsigned webhooks (Data Center only)" }).click();
  await page.getByRole("dialog", { name: "Accept unsigned webhooks?" }).getByRole("button", { name: "Accept unsigned webhooks" }).click();
  await expect(page.getByTestId("unsigned-warning")).toContainText("anyone who learns this URL can post events");
  await expect(page.getByRole("button", { name: "Generate a webhook secret" })).toBeVisible();
  expect((await unsigned()).status()).toBe(202);

  await page.goto(`/orgs/${org.slug}/integrations`);
  await expect(page.getByTestId("unsigned-badge")).toHaveText("Unsigned webhooks");
  await context.close();
  await hooks.dispose();
});
