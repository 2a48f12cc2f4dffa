// The acceptance scenario in a browser, against a SAML IdP made in the test (keys
// generated per run, responses signed by lib/testing/saml-idp.ts as the vitest suite signs
// them; the IdP's pages are served by route interception on https://idp.saml.test):
// an admin configures SAML, the MFA requirement and SCIM with a group linked to a role;
// the IdP provisions a new employee over SCIM; the employee signs in SP-initiated with MFA
// asserted (AuthnContextClassRef) and lands in the org with the group's role, without an
// invitation; an IdP-initiated sign-in works too; SCIM deactivation ends both sessions.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { TestSamlIdp, authnRequestId } from "../lib/testing/saml-idp";
import { appOrigin, createOrgWithVerifiedDomain, createSignedInUser, e2eDb, signInContext } from "./support/db";

const MULTI_FACTOR = "urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor";
const IDP_ORIGIN = "https://idp.saml.test";
const SCIM_JSON = "application/scim+json";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type Sp = { acsUrl: string; entityId: string };

/** An HTML page that posts the signed response to the ACS, as an IdP's browser hop does. */
function autoPost(acsUrl: string, samlResponse: string, relayState: string | null): string {
  const relay = relayState ? `<input type="hidden" name="RelayState" value="${relayState.replace(/"/g, "&quot;")}">` : "";
  return `<!doctype html><html><body><form method="post" action="${acsUrl}"><input type="hidden" name="SAMLResponse" value="${samlResponse}">${relay}</form><script>document.forms[0].submit()</script></body></html>`;
}

/** The IdP's pages in this browser context: /sso answers an AuthnRequest, /start begins an IdP-initiated sign-in. */
async function serveIdp(context: BrowserContext, idp: TestSamlIdp, sp: Sp, email: string, groups?: string[]) {
  await context.route((url) => url.origin === IDP_ORIGIN, async (route) => {
    const url = new URL(route.request().url());
    const spInitiated = url.pathname === "/sso";
    const samlResponse = await idp.response({
      acsUrl: sp.acsUrl,
      audience: sp.entityId,
      nameId: email,
      email,
      inResponseTo: spInitiated ? authnRequestId(url.toString()) : undefined,
      authnContextClassRef: MULTI_FACTOR,
      groups,
    });
    await route.fulfill({ contentType: "text/html", body: autoPost(sp.acsUrl, samlResponse, spInitiated ? url.searchParams.get("RelayState") : null) });
  });
}

async function scim(api: APIRequestContext, token: string, method: "post" | "patch", path: string, data: unknown) {
  const response = await api[method](path, { headers: { authorization: `Bearer ${token}`, "content-type": SCIM_JSON }, data });
  expect(response.status(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

test("a SCIM-provisioned employee signs in through SAML with MFA asserted, lands in the org with their group's role, and SCIM deactivation ends the session", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const suffix = randomBytes(4).toString("hex");
  const domain = `saml-${suffix}.test`;
  const slug = `saml-${suffix}`;
  const admin = await createSignedInUser(`admin@${domain}`, "SAML Admin");
  // Turning the requirement on needs MFA on the admin's own account.
  await e2eDb().user.update({ where: { id: admin.userId }, data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } });
  const orgId = await createOrgWithVerifiedDomain({ slug, domain, userId: admin.userId, role: "owner" });
  const idp = new TestSamlIdp({ ssoUrl: `${IDP_ORIGIN}/sso` });

  // The admin: SAML from the IdP's metadata, MFA required (SSO with asserted MFA counts), SCIM token.
  const adminContext = await browser.newContext({ baseURL: appOrigin });
  await signInContext(adminContext, admin.userId, "e2e-admin");
  const page = await adminContext.newPage();
  await page.goto(`/orgs/${slug}?tab=sso`);
  await page.locator("#saml-metadata-xml").fill(idp.metadataXml());
  await page.getByRole("button", { name: "Save SAML" }).click();
  await expect(page.getByText("SAML settings saved.")).toBeVisible();
  const sp: Sp = { acsUrl: await page.locator("#saml-sp-acs-url").inputValue(), entityId: await page.locator("#saml-sp-entity-id").inputValue() };
  const connection = await e2eDb().samlConnection.findUniqueOrThrow({ where: { orgId } });

  await page.goto(`/orgs/${slug}?tab=security`);
  const policy = page.getByRole("form", { name: "Two-factor requirement" });
  await policy.getByLabel("Require two-factor authentication for members").check();
  await policy.getByLabel("Grace period (days)").fill("0");
  await policy.getByLabel("SSO sign-ins satisfy it when the IdP asserts MFA").check();
  await expect(policy.getByLabel("Accepted amr / acr values (one per line)")).toHaveValue(new RegExp(MULTI_FACTOR.replace(/\./g, "\\.")));
  await policy.getByRole("button", { name: "Save two-factor requirement" }).click();
  await expect(policy.getByTestId("mfa-policy-status")).toContainText("are refused");

  await page.goto(`/orgs/${slug}?tab=provisioning`);
  const scimPanel = page.getByTestId("scim-panel");
  await scimPanel.getByRole("button", { name: "Create SCIM token" }).click();
  const token = (await scimPanel.getByTestId("new-scim-token").textContent())!.trim();

  // The IdP pushes a group; the admin links it to the admin role.
  const api = await playwright.request.newContext({ baseURL: appOrigin });
  const base = `/api/scim/v2/${slug}`;
  const group = await scim(api, token, "post", `${base}/Groups`, { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Platform Admins", members: [] });
  await page.reload();
  await page.getByLabel("Role of group Platform Admins").selectOption("admin");
  await expect.poll(async () => (await e2eDb().scimGroup.findUniqueOrThrow({ where: { id: group.id } })).role).toBe("admin");

  // A new employee: provisioned, then added to the group.
  const email = `new.hire-${suffix}@${domain}`;
  const user = await scim(api, token, "post", `${base}/Users`, {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: email,
    name: { givenName: "New", familyName: "Hire" },
    emails: [{ value: email, type: "work", primary: true }],
    active: true,
  });
  await scim(api, token, "patch", `${base}/Groups/${group.id}`, { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: user.id }] }] });

  // SP-initiated: Bastion's sign-in URL -> the IdP -> the signed response posted to the ACS -> the org.
  const employee = await browser.newContext({ baseURL: appOrigin });
  await serveIdp(employee, idp, sp, email);
  const employeePage = await employee.newPage();
  // Bastion's redirect is read, then followed as a top-level navigation the IdP route serves.
  const start = await employeePage.request.get(`/api/saml/${connection.id}/sign-in`, { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  expect(start.headers().location).toMatch(new RegExp(`^${IDP_ORIGIN}/sso\\?SAMLRequest=`));
  await employeePage.goto(start.headers().location!);
  await expect(employeePage).toHaveURL(`${appOrigin}/orgs/${slug}`);
  await expect(employeePage.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  await expect(employeePage.getByText("You are an admin here")).toBeVisible();
  await expect(employeePage.getByTestId("mfa-required")).toHaveCount(0);
  expect(await e2eDb().invitation.count({ where: { orgId } })).toBe(0);
  const bastionUser = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  expect(await e2eDb().session.findFirstOrThrow({ where: { userId: bastionUser.id } })).toMatchObject({ ssoConnectionId: connection.id, ssoAcr: MULTI_FACTOR });

  // IdP-initiated, from the IdP's own start page (no AuthnRequest to answer).
  const fromIdp = await browser.newContext({ baseURL: appOrigin });
  await serveIdp(fromIdp, idp, sp, email);
  const fromIdpPage = await fromIdp.newPage();
  await fromIdpPage.goto(`${IDP_ORIGIN}/start`);
  await expect(fromIdpPage).toHaveURL(`${appOrigin}/orgs/${slug}`);
  await expect(fromIdpPage.getByText("You are an admin here")).toBeVisible();

  // Deprovisioned by the IdP: the next request of either session is refused.
  await scim(api, token, "patch", `${base}/Users/${user.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
  for (const signedIn of [employeePage, fromIdpPage]) {
    await signedIn.reload();
    await expect(signedIn).toHaveURL(/\/sign-in\?next=/);
  }
  expect(await e2eDb().membership.count({ where: { orgId, userId: bastionUser.id } })).toBe(0);

  await api.dispose();
  await Promise.all([adminContext.close(), employee.close(), fromIdp.close()]);
});

test("just-in-time membership: a first SAML sign-in joins the org with the admin's default role, and a mapped IdP group gives its role", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const suffix = randomBytes(4).toString("hex");
  const domain = `jit-${suffix}.test`;
  const slug = `jit-${suffix}`;
  const admin = await createSignedInUser(`admin@${domain}`, "JIT Admin");
  const orgId = await createOrgWithVerifiedDomain({ slug, domain, userId: admin.userId, role: "owner" });
  const idp = new TestSamlIdp({ ssoUrl: `${IDP_ORIGIN}/sso` });

  const adminContext = await browser.newContext({ baseURL: appOrigin });
  await signInContext(adminContext, admin.userId, "e2e-jit-admin");
  const page = await adminContext.newPage();
  // As with Okta or Entra: start the setup to get the ACS URL, then paste the IdP's metadata.
  await page.goto(`/orgs/${slug}?tab=sso`);
  await page.getByRole("button", { name: "Start SAML setup" }).click();
  await expect(page.getByTestId("saml-draft-status")).toBeVisible();
  const draftAcsUrl = await page.locator("#saml-sp-acs-url").inputValue();
  expect(draftAcsUrl).toMatch(/\/api\/saml\/[^/]+\/acs$/);
  await expect(page.getByLabel(/^Enabled/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("saml-draft-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: testInfo.outputPath("saml-draft-dark.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("saml-draft-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator("#saml-metadata-xml").fill(idp.metadataXml());
  await page.getByRole("button", { name: "Save SAML" }).click();
  await expect(page.getByText("SAML settings saved.")).toBeVisible();
  await expect(page.getByTestId("saml-draft-status")).toHaveCount(0);
  const sp: Sp = { acsUrl: await page.locator("#saml-sp-acs-url").inputValue(), entityId: await page.locator("#saml-sp-entity-id").inputValue() };
  expect(sp.acsUrl).toBe(draftAcsUrl);
  const connection = await e2eDb().samlConnection.findUniqueOrThrow({ where: { orgId } });
  expect(connection.enabled).toBe(true);

  const jit = page.getByRole("form", { name: "Just-in-time membership" });
  await jit.getByLabel("Role of new members signing in through SSO").selectOption("member");
  await jit.getByRole("button", { name: "Add mapping" }).click();
  await jit.getByLabel("Group 1", { exact: true }).fill("Platform Engineering");
  await jit.getByLabel("Role for group 1").selectOption("admin");
  await jit.getByRole("button", { name: "Save membership settings" }).click();
  await expect(jit.getByText("Membership settings saved.")).toBeVisible();

  // Neither person was invited or provisioned: the first sign-in makes the membership.
  for (const [email, groups, role] of [
    [`dev-${suffix}@${domain}`, [], "member"],
    [`lead-${suffix}@${domain}`, ["Platform Engineering"], "admin"],
  ] as const) {
    const context = await browser.newContext({ baseURL: appOrigin });
    await serveIdp(context, idp, sp, email, [...groups]);
    const signedIn = await context.newPage();
    const start = await signedIn.request.get(`/api/saml/${connection.id}/sign-in`, { maxRedirects: 0 });
    await signedIn.goto(start.headers().location!);
    await expect(signedIn).toHaveURL(`${appOrigin}/orgs/${slug}`);
    await expect(signedIn.getByText(`You are ${role === "admin" ? "an" : "a"} ${role} here`)).toBeVisible();
    const user = await e2eDb().user.findUniqueOrThrow({ where: { email } });
    expect(await e2eDb().membership.findFirstOrThrow({ where: { orgId, userId: user.id } })).toMatchObject({ role });
    await context.close();
  }
  expect(await e2eDb().invitation.count({ where: { orgId } })).toBe(0);
  await adminContext.close();
});
