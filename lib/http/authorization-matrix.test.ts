// The authorization matrix: every route handler under app/api, found on disk so a new
// route cannot be forgotten, is called as anonymous, as a member of another org, and as
// each role, and must answer what the permission table implies: 401 for anonymous,
// 404 for non-members, 403 for a role without the permission, and neither for a role
// with it; no call answers a 5xx. A route missing from EXPECTED (or listed there but gone) fails the test.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, API_KEY_SCOPES, ROLES, can, type Permission, type Role } from "../authz/permissions";
import { describeWith } from "../testing/describe";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { allowLoopbackOutbound, machineClaims, startTestIssuer, trustIssuer, type TestIssuer } from "../testing/jwt-issuer";
import { issueTestScimToken } from "../testing/scim-client";
import { orgWithMembers, signedInUser } from "../testing/fixtures";
import type { RouteMeta } from "./route";

type Expectation = { auth: RouteMeta["auth"]; permission?: Permission };

const EXPECTED: Record<string, Expectation> = {
  // The benchmark baseline; 404 unless BASTION_BENCH=1 and the caller is on loopback.
  "GET /api/bench/members": { auth: "none" },
  "POST /api/bench/webhooks": { auth: "none" },
  "GET /api/health": { auth: "none" },
  "GET /api/health/ready": { auth: "none" },
  // The OAuth redirect URI: refusals redirect to the console with an error code.
  "GET /api/integrations/oauth/[provider]/callback": { auth: "session" },
  // Its own bearer-token check (METRICS_TOKEN), not a session or API key.
  "GET /api/metrics": { auth: "none" },
  "GET /api/auth/[...nextauth]": { auth: "none" },
  "POST /api/auth/[...nextauth]": { auth: "none" },
  "GET /api/v1/account": { auth: "session" },
  "PATCH /api/v1/account": { auth: "session" },
  "DELETE /api/v1/account": { auth: "session" },
  "POST /api/v1/account/email": { auth: "session" },
  "POST /api/v1/account/email/confirm": { auth: "session" },
  "GET /api/v1/account/mfa": { auth: "session" },
  "POST /api/v1/account/mfa/passkeys": { auth: "session" },
  "POST /api/v1/account/mfa/passkeys/options": { auth: "session" },
  "PATCH /api/v1/account/mfa/passkeys/[id]": { auth: "session" },
  "DELETE /api/v1/account/mfa/passkeys/[id]": { auth: "session" },
  "POST /api/v1/account/mfa/recovery-codes": { auth: "session" },
  "POST /api/v1/account/mfa/totp": { auth: "session" },
  "DELETE /api/v1/account/mfa/totp": { auth: "session" },
  "POST /api/v1/account/mfa/totp/confirm": { auth: "session" },
  "POST /api/v1/account/password": { auth: "session" },
  "GET /api/v1/account/sessions": { auth: "session" },
  "DELETE /api/v1/account/sessions/[id]": { auth: "session" },
  "POST /api/v1/account/sessions/revoke-all": { auth: "session" },
  "POST /api/v1/account/sessions/revoke-others": { auth: "session" },
  "POST /api/v1/auth/password/forgot": { auth: "none" },
  "POST /api/v1/auth/password/reset": { auth: "none" },
  "POST /api/v1/auth/mfa": { auth: "none" },
  "POST /api/v1/auth/mfa/passkey-options": { auth: "none" },
  "POST /api/v1/auth/sign-in": { auth: "none" },
  "POST /api/v1/auth/sign-out": { auth: "session" },
  "POST /api/v1/auth/sign-up": { auth: "none" },
  // SAML service provider endpoints, public by design: the signed response is the credential.
  "POST /api/saml/[connectionId]/acs": { auth: "none" },
  "GET /api/saml/[connectionId]/metadata": { auth: "none" },
  "GET /api/saml/[connectionId]/sign-in": { auth: "none" },
  "GET /api/v1/auth/sso/discover": { auth: "none" },
  "POST /api/v1/auth/sso/discover": { auth: "none" },
  "POST /api/v1/auth/unlock": { auth: "none" },
  "POST /api/v1/auth/verify-email": { auth: "none" },
  "POST /api/v1/auth/verify-email/resend": { auth: "none" },
  "POST /api/v1/invitations/accept": { auth: "session" },
  "POST /api/v1/invitations/lookup": { auth: "none" },
  "POST /api/v1/onboarding": { auth: "session" },
  "GET /api/v1/openapi.json": { auth: "none" },
  "GET /api/v1/orgs": { auth: "session" },
  "POST /api/v1/orgs": { auth: "session" },
  "GET /api/v1/orgs/[slug]": { auth: "both", permission: "org:read" },
  "PATCH /api/v1/orgs/[slug]": { auth: "session", permission: "org:update" },
  "DELETE /api/v1/orgs/[slug]": { auth: "session", permission: "org:delete" },
  "GET /api/v1/orgs/[slug]/activity": { auth: "both", permission: "integrations:read" },
  "GET /api/v1/orgs/[slug]/billing": { auth: "both", permission: "billing:read" },
  "GET /api/v1/orgs/[slug]/billing/details": { auth: "both", permission: "billing:read" },
  "POST /api/v1/orgs/[slug]/billing/checkout": { auth: "session", permission: "billing:manage" },
  "POST /api/v1/orgs/[slug]/billing/portal": { auth: "session", permission: "billing:manage" },
  "POST /api/v1/orgs/[slug]/billing/sync": { auth: "session", permission: "billing:read" },
  "GET /api/v1/orgs/[slug]/audit": { auth: "both", permission: "audit:read" },
  "GET /api/v1/orgs/[slug]/audit/export": { auth: "both", permission: "audit:read" },
  "GET /api/v1/orgs/[slug]/audit/verify": { auth: "both", permission: "audit:read" },
  "GET /api/v1/orgs/[slug]/domains": { auth: "both", permission: "org:read" },
  "POST /api/v1/orgs/[slug]/domains": { auth: "session", permission: "org:update" },
  "DELETE /api/v1/orgs/[slug]/domains/[domainId]": { auth: "session", permission: "org:update" },
  "POST /api/v1/orgs/[slug]/domains/[domainId]/verify": { auth: "session", permission: "org:update" },
  "GET /api/v1/orgs/[slug]/integrations": { auth: "both", permission: "integrations:read" },
  "POST /api/v1/orgs/[slug]/integrations": { auth: "both", permission: "integrations:manage" },
  "GET /api/v1/orgs/[slug]/integrations/[connectionId]": { auth: "both", permission: "integrations:read" },
  "PATCH /api/v1/orgs/[slug]/integrations/[connectionId]": { auth: "both", permission: "integrations:manage" },
  "DELETE /api/v1/orgs/[slug]/integrations/[connectionId]": { auth: "both", permission: "integrations:manage" },
  "POST /api/v1/orgs/[slug]/integrations/[connectionId]/check": { auth: "both", permission: "integrations:manage" },
  "GET /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries": { auth: "both", permission: "integrations:read" },
  "GET /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]": { auth: "both", permission: "integrations:read" },
  "POST /api/v1/orgs/[slug]/integrations/[connectionId]/deliveries/[deliveryId]/redeliver": { auth: "both", permission: "integrations:manage" },
  "GET /api/v1/orgs/[slug]/integrations/[connectionId]/resources": { auth: "both", permission: "integrations:read" },
  "POST /api/v1/orgs/[slug]/integrations/[connectionId]/sync": { auth: "both", permission: "integrations:manage" },
  "POST /api/v1/orgs/[slug]/integrations/[connectionId]/webhook-secret": { auth: "both", permission: "integrations:manage" },
  "PUT /api/v1/orgs/[slug]/integrations/[connectionId]/webhook-secret": { auth: "both", permission: "integrations:manage" },
  "POST /api/v1/orgs/[slug]/integrations/oauth/[provider]": { auth: "session", permission: "integrations:manage" },
  "GET /api/v1/orgs/[slug]/invitations": { auth: "both", permission: "members:read" },
  "POST /api/v1/orgs/[slug]/invitations": { auth: "session", permission: "members:invite" },
  "DELETE /api/v1/orgs/[slug]/invitations/[invitationId]": { auth: "session", permission: "members:invite" },
  "POST /api/v1/orgs/[slug]/invitations/[invitationId]/resend": { auth: "session", permission: "members:invite" },
  "POST /api/v1/orgs/[slug]/leave": { auth: "session", permission: "org:read" },
  "GET /api/v1/orgs/[slug]/members": { auth: "both", permission: "members:read" },
  "PATCH /api/v1/orgs/[slug]/members/[membershipId]": { auth: "session", permission: "members:update" },
  "DELETE /api/v1/orgs/[slug]/members/[membershipId]": { auth: "session", permission: "members:remove" },
  "GET /api/v1/orgs/[slug]/mfa-policy": { auth: "both", permission: "org:read" },
  "PATCH /api/v1/orgs/[slug]/mfa-policy": { auth: "session", permission: "org:update" },
  "GET /api/v1/orgs/[slug]/notification-rules": { auth: "both", permission: "integrations:read" },
  "POST /api/v1/orgs/[slug]/notification-rules": { auth: "both", permission: "integrations:manage" },
  "PATCH /api/v1/orgs/[slug]/notification-rules/[ruleId]": { auth: "both", permission: "integrations:manage" },
  "DELETE /api/v1/orgs/[slug]/notification-rules/[ruleId]": { auth: "both", permission: "integrations:manage" },
  "GET /api/v1/orgs/[slug]/ownership-transfer": { auth: "session", permission: "members:read" },
  "GET /api/v1/orgs/[slug]/secrets": { auth: "both", permission: "secrets:read" },
  "POST /api/v1/orgs/[slug]/secrets": { auth: "both", permission: "secrets:write" },
  "GET /api/v1/orgs/[slug]/secrets/[secretId]": { auth: "both", permission: "secrets:read" },
  "PATCH /api/v1/orgs/[slug]/secrets/[secretId]": { auth: "both", permission: "secrets:write" },
  "DELETE /api/v1/orgs/[slug]/secrets/[secretId]": { auth: "both", permission: "secrets:write" },
  "POST /api/v1/orgs/[slug]/secrets/[secretId]/reveal": { auth: "both", permission: "secrets:reveal" },
  "POST /api/v1/orgs/[slug]/secrets/[secretId]/undelete": { auth: "both", permission: "secrets:write" },
  "GET /api/v1/orgs/[slug]/secrets/[secretId]/versions": { auth: "both", permission: "secrets:read" },
  "POST /api/v1/orgs/[slug]/secrets/[secretId]/versions/[version]/restore": { auth: "both", permission: "secrets:write" },
  "GET /api/v1/orgs/[slug]/secrets/export": { auth: "both", permission: "secrets:reveal" },
  "POST /api/v1/orgs/[slug]/secrets/import": { auth: "both", permission: "secrets:write" },
  "POST /api/v1/orgs/[slug]/secrets/import/preview": { auth: "both", permission: "secrets:write" },
  "POST /api/v1/orgs/[slug]/secrets/rotate-data-key": { auth: "both", permission: "org:update" },
  "GET /api/v1/orgs/[slug]/secrets/values": { auth: "both", permission: "secrets:reveal" },
  "GET /api/v1/orgs/[slug]/sso": { auth: "session", permission: "sso:manage" },
  "PUT /api/v1/orgs/[slug]/sso": { auth: "session", permission: "sso:manage" },
  "DELETE /api/v1/orgs/[slug]/sso": { auth: "session", permission: "sso:manage" },
  "GET /api/v1/orgs/[slug]/sso/jit": { auth: "session", permission: "sso:manage" },
  "PUT /api/v1/orgs/[slug]/sso/jit": { auth: "session", permission: "sso:manage" },
  "GET /api/v1/orgs/[slug]/sso/saml": { auth: "session", permission: "sso:manage" },
  "PUT /api/v1/orgs/[slug]/sso/saml": { auth: "session", permission: "sso:manage" },
  "DELETE /api/v1/orgs/[slug]/sso/saml": { auth: "session", permission: "sso:manage" },
  "POST /api/v1/orgs/[slug]/ownership-transfer": { auth: "session", permission: "org:delete" },
  "DELETE /api/v1/orgs/[slug]/ownership-transfer": { auth: "session", permission: "org:delete" },
  "POST /api/v1/orgs/[slug]/ownership-transfer/accept": { auth: "session", permission: "org:read" },
  "GET /api/v1/orgs/[slug]/api-keys": { auth: "session", permission: "api-keys:manage" },
  "POST /api/v1/orgs/[slug]/api-keys": { auth: "session", permission: "api-keys:manage" },
  "DELETE /api/v1/orgs/[slug]/api-keys/[keyId]": { auth: "session", permission: "api-keys:manage" },
  "GET /api/v1/orgs/[slug]/usage": { auth: "both", permission: "org:read" },
  "GET /api/v1/orgs/[slug]/scim": { auth: "session", permission: "sso:manage" },
  "POST /api/v1/orgs/[slug]/scim": { auth: "session", permission: "sso:manage" },
  "DELETE /api/v1/orgs/[slug]/scim": { auth: "session", permission: "sso:manage" },
  "PATCH /api/v1/orgs/[slug]/scim/groups/[groupId]": { auth: "session", permission: "sso:manage" },
  "GET /api/v1/orgs/[slug]/trusted-issuers": { auth: "session", permission: "sso:manage" },
  "POST /api/v1/orgs/[slug]/trusted-issuers": { auth: "session", permission: "sso:manage" },
  "DELETE /api/v1/orgs/[slug]/trusted-issuers/[issuerId]": { auth: "session", permission: "sso:manage" },
  // SCIM 2.0: only the org's directory token (lib/scim), which no other route accepts.
  "GET /api/scim/v2/[slug]/ServiceProviderConfig": { auth: "scim" },
  "GET /api/scim/v2/[slug]/ResourceTypes": { auth: "scim" },
  "GET /api/scim/v2/[slug]/Schemas": { auth: "scim" },
  "GET /api/scim/v2/[slug]/Users": { auth: "scim" },
  "POST /api/scim/v2/[slug]/Users": { auth: "scim" },
  "GET /api/scim/v2/[slug]/Users/[id]": { auth: "scim" },
  "PUT /api/scim/v2/[slug]/Users/[id]": { auth: "scim" },
  "PATCH /api/scim/v2/[slug]/Users/[id]": { auth: "scim" },
  "DELETE /api/scim/v2/[slug]/Users/[id]": { auth: "scim" },
  "GET /api/scim/v2/[slug]/Groups": { auth: "scim" },
  "POST /api/scim/v2/[slug]/Groups": { auth: "scim" },
  "GET /api/scim/v2/[slug]/Groups/[id]": { auth: "scim" },
  "PUT /api/scim/v2/[slug]/Groups/[id]": { auth: "scim" },
  "PATCH /api/scim/v2/[slug]/Groups/[id]": { auth: "scim" },
  "DELETE /api/scim/v2/[slug]/Groups/[id]": { auth: "scim" },
  "GET /api/v1/orgs/[slug]/usage/report": { auth: "both", permission: "billing:read" },
  // A provider's signature on the raw body is the credential (lib/integrations/webhooks).
  "POST /api/webhooks/[provider]/[connectionId]": { auth: "none" },
  // The GitHub App's and the Slack app's one webhook URL each, signed with the app's secret.
  "POST /api/webhooks/github": { auth: "none" },
  "POST /api/webhooks/slack": { auth: "none" },
  // Stripe's signature on the raw body is the credential (lib/billing/webhook.ts); 404 while billing is off.
  "POST /api/webhooks/stripe": { auth: "none" },
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const root = path.resolve(import.meta.dirname, "../..");

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & { meta?: RouteMeta };
type DiscoveredRoute = { key: string; method: string; template: string; handler: Handler };

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of routeFiles(path.join(root, "app", "api"))) {
    const template = `/${path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/")}`;
    const module = (await import(file)) as Record<string, Handler | undefined>;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) routes.push({ key: `${method} ${template}`, method, template, handler });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** Each call from its own client address: refused credentials count against the per-IP anonymous limit, and this file makes thousands. */
let callCount = 0;

async function request(route: DiscoveredRoute, slug: string, cookie?: string, authorization?: string) {
  const params: Record<string, string> = {};
  const url = route.template.replace(/\[(\w+)\]/g, (_, name: string) => (params[name] = name === "slug" ? slug : `unknown-${name}`));
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  const headers: Record<string, string> = { origin: "http://localhost:3000", "x-bastion-client-ip": `2001:db8::${(++callCount).toString(16)}`, ...(cookie ? { cookie } : {}), ...(authorization ? { authorization } : {}), ...(hasBody ? { "content-type": "application/json" } : {}) };
  const response = await route.handler(new Request(`http://localhost:3000${url}`, { method: route.method, headers, body: hasBody ? "{}" : undefined }), { params: Promise.resolve(params) });
  // Whoever calls, whatever the answer, never a 5xx (malformed input: lib/http/fuzz.test.ts).
  expect({ route: route.key, status: response.status >= 500 ? response.status : "below 500" }).toEqual({ route: route.key, status: "below 500" });
  return response;
}

async function outcome(response: Response): Promise<string> {
  if (response.status === 404) {
    // SCIM routes answer in SCIM's error shape (detail), the rest in ours (error.message).
    const body = (await response.json().catch(() => null)) as { error?: { message?: string }; detail?: string } | null;
    return (body?.error?.message ?? body?.detail) === "Organization not found" ? "org-not-found" : "404";
  }
  return String(response.status);
}

let routes: DiscoveredRoute[];
beforeAll(async () => {
  routes = await discoverRoutes();
});

it("lists every route handler under app/api in the expectations, and nothing else", () => {
  expect(routes.map((route) => route.key)).toEqual(Object.keys(EXPECTED).sort());
});

it("declares through route() exactly the authentication and permission expected", () => {
  for (const route of routes) {
    const expected = EXPECTED[route.key]!;
    expect({ route: route.key, auth: route.handler.meta?.auth, permission: route.handler.meta?.permission }).toEqual({
      route: route.key,
      auth: expected.auth,
      permission: expected.permission,
    });
  }
});

describeWith(["postgres"], "authorization matrix (behaviour)", () => {
  it("answers 401 to anonymous callers of every authenticated route", async () => {
    for (const route of routes.filter((candidate) => EXPECTED[candidate.key]!.auth !== "none")) {
      expect({ route: route.key, status: (await request(route, "any-org")).status }).toEqual({ route: route.key, status: 401 });
    }
  });

  it("answers 404 to a signed-in user of another org on every org route", async () => {
    const victim = await orgWithMembers();
    const attacker = await orgWithMembers();
    for (const route of routes.filter((candidate) => candidate.template.includes("[slug]") && EXPECTED[candidate.key]!.auth !== "scim")) {
      const result = await outcome(await request(route, victim.org.slug, attacker.owner.cookie));
      expect({ route: route.key, result }).toEqual({ route: route.key, result: "org-not-found" });
    }
  });

  it("answers 403 exactly to the roles without the route's permission", async () => {
    for (const route of routes.filter((candidate) => EXPECTED[candidate.key]!.permission)) {
      const permission = EXPECTED[route.key]!.permission!;
      // A fresh org per route: some calls (leave, delete) change the org they act on.
      const { org, owner, members } = await orgWithMembers(ROLES.filter((role) => role !== "owner"));
      const cookies: Record<Role, string> = { owner: owner.cookie, admin: "", billing: "", member: "" };
      for (const member of members) cookies[member.role] = member.cookie;
      for (const role of ROLES) {
        const result = await outcome(await request(route, org.slug, cookies[role]));
        const allowed = can(role, permission);
        expect({ route: route.key, role, forbidden: result === "403", hidden: result === "org-not-found" || result === "401" }).toEqual({
          route: route.key,
          role,
          forbidden: !allowed,
          hidden: false,
        });
      }
    }
  });

  it("lets any signed-in user reach the routes that need only a session", async () => {
    for (const route of routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "session" && !EXPECTED[candidate.key]!.permission)) {
      // A fresh user per route: some of these (sign-out) end the session they are called with.
      const { cookie } = await signedInUser();
      const status = (await request(route, "none", cookie)).status;
      expect({ route: route.key, refused: status === 401 || status === 403 }).toEqual({ route: route.key, refused: false });
    }
  });

  describe("API-key callers", () => {
    const keyRoutes = () => routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "both" || EXPECTED[candidate.key]!.auth === "apiKey");

    it("accepts API keys on some org routes", () => {
      expect(keyRoutes().length).toBeGreaterThanOrEqual(6);
    });

    it("answers 401 to expired and revoked keys, and to malformed or unknown bearer credentials", async () => {
      const { org, owner } = await orgWithMembers();
      const expired = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS, { expiresAt: new Date(Date.now() - 1000) });
      const revoked = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS, { revokedAt: new Date() });
      const unknown = `Bearer bst_test_${"A".repeat(32)}`;
      for (const route of keyRoutes()) {
        for (const [label, authorization] of [["expired", expired.authorization], ["revoked", revoked.authorization], ["unknown", unknown], ["malformed", "Bearer nope"]]) {
          // A valid session cookie alongside does not rescue a bad key.
          const status = (await request(route, org.slug, label === "unknown" ? owner.cookie : undefined, authorization)).status;
          expect({ route: route.key, label, status }).toEqual({ route: route.key, label, status: 401 });
        }
      }
    });

    it("answers 404 to a key of another org on every org route", async () => {
      const victim = await orgWithMembers();
      const attacker = await orgWithMembers();
      const key = await createTestApiKey(attacker.org.id, attacker.owner.user.id, ALL_PERMISSIONS);
      for (const route of keyRoutes().filter((candidate) => candidate.template.includes("[slug]"))) {
        const result = await outcome(await request(route, victim.org.slug, undefined, key.authorization));
        expect({ route: route.key, result }).toEqual({ route: route.key, result: "org-not-found" });
      }
    });

    it("answers 403 to a key without the route's scope and lets a key with it through", async () => {
      for (const route of keyRoutes().filter((candidate) => EXPECTED[candidate.key]!.permission)) {
        const permission = EXPECTED[route.key]!.permission!;
        const { org, owner } = await orgWithMembers();
        const narrow = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS.filter((scope) => scope !== permission));
        const scoped = await createTestApiKey(org.id, owner.user.id, [permission]);
        expect({ route: route.key, status: (await request(route, org.slug, undefined, narrow.authorization)).status }).toEqual({ route: route.key, status: 403 });
        const result = await outcome(await request(route, org.slug, undefined, scoped.authorization));
        expect({ route: route.key, refused: ["401", "403", "org-not-found"].includes(result) }).toEqual({ route: route.key, refused: false });
      }
    });

    it("narrows a key to its creator's current role: a member's key with audit:read cannot read the audit log", async () => {
      const route = routes.find((candidate) => candidate.key === "GET /api/v1/orgs/[slug]/audit")!;
      const { org, members } = await orgWithMembers(["member"]);
      const key = await createTestApiKey(org.id, members[0]!.user.id, ["audit:read", "members:read"]);
      expect((await request(route, org.slug, undefined, key.authorization)).status).toBe(403);
    });

    it("refuses API keys on session-only routes with 403 saying so (a bad key still 401)", async () => {
      const { org, owner } = await orgWithMembers();
      const key = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS);
      const revoked = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS, { revokedAt: new Date() });
      for (const route of routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "session")) {
        const response = await request(route, org.slug, undefined, key.authorization);
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        expect({ route: route.key, status: response.status, message: body?.error?.message }).toEqual({
          route: route.key,
          status: 403,
          message: "This route does not accept API keys",
        });
        expect({ route: route.key, status: (await request(route, org.slug, undefined, revoked.authorization)).status }).toEqual({ route: route.key, status: 401 });
      }
    });

    it("offers as key scopes exactly the permissions checked by routes that accept keys", () => {
      const checked = new Set(keyRoutes().flatMap((route) => (EXPECTED[route.key]!.permission ? [EXPECTED[route.key]!.permission!] : [])));
      expect([...API_KEY_SCOPES].sort()).toEqual([...checked].sort());
    });
  });
  describe("external IdP token callers", () => {
    let idp: TestIssuer;
    beforeAll(async () => {
      allowLoopbackOutbound();
      idp = await startTestIssuer();
    });
    afterAll(() => idp?.close());
    const tokenRoutes = () => routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "both" || EXPECTED[candidate.key]!.auth === "apiKey");

    async function tokenFor(orgId: string, createdById: string, scopes: string[]) {
      const { audience } = await trustIssuer(orgId, createdById, idp, { scopes });
      return `Bearer ${await idp.sign(machineClaims(idp, audience))}`;
    }

    it("answers 403 to a token without the route's scope and lets a token with it through, like an API key", async () => {
      for (const route of tokenRoutes().filter((candidate) => EXPECTED[candidate.key]!.permission)) {
        const permission = EXPECTED[route.key]!.permission!;
        const { org, owner } = await orgWithMembers();
        const narrow = await tokenFor(org.id, owner.user.id, ALL_PERMISSIONS.filter((scope) => scope !== permission));
        const scoped = await tokenFor(org.id, owner.user.id, [permission]);
        expect({ route: route.key, status: (await request(route, org.slug, undefined, narrow)).status }).toEqual({ route: route.key, status: 403 });
        const result = await outcome(await request(route, org.slug, undefined, scoped));
        expect({ route: route.key, refused: ["401", "403", "org-not-found"].includes(result) }).toEqual({ route: route.key, refused: false });
      }
    });

    it("answers 404 to another org's token on every org route, 403 on session-only routes and 401 on SCIM routes", async () => {
      const victim = await orgWithMembers();
      const attacker = await orgWithMembers();
      const token = await tokenFor(attacker.org.id, attacker.owner.user.id, ALL_PERMISSIONS);
      for (const route of tokenRoutes().filter((candidate) => candidate.template.includes("[slug]"))) {
        const result = await outcome(await request(route, victim.org.slug, undefined, token));
        expect({ route: route.key, result }).toEqual({ route: route.key, result: "org-not-found" });
      }
      for (const route of routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "session" || EXPECTED[candidate.key]!.auth === "scim")) {
        const status = (await request(route, attacker.org.slug, undefined, token)).status;
        // A valid machine credential on a session-only route is told so (403), like an API key.
        expect({ route: route.key, status }).toEqual({ route: route.key, status: EXPECTED[route.key]!.auth === "session" ? 403 : 401 });
      }
    });
  });

  describe("SCIM directory tokens", () => {
    const scimRoutes = () => routes.filter((candidate) => EXPECTED[candidate.key]!.auth === "scim");

    it("covers the SCIM service", () => {
      expect(scimRoutes().length).toBe(15);
    });

    it("lets the org's token through on every SCIM route, and refuses sessions and API keys there", async () => {
      const { org, owner } = await orgWithMembers();
      const token = `Bearer ${await issueTestScimToken(org, owner.user.id)}`;
      const key = await createTestApiKey(org.id, owner.user.id, ALL_PERMISSIONS);
      for (const route of scimRoutes()) {
        const result = await outcome(await request(route, org.slug, undefined, token));
        expect({ route: route.key, refused: ["401", "403", "org-not-found"].includes(result) }).toEqual({ route: route.key, refused: false });
        for (const [label, cookie, authorization] of [["session", owner.cookie, undefined], ["api key", undefined, key.authorization]] as const) {
          const status = (await request(route, org.slug, cookie, authorization)).status;
          expect({ route: route.key, label, status }).toEqual({ route: route.key, label, status: 401 });
        }
      }
    });

    it("answers 404 to another org's token on every SCIM route", async () => {
      const victim = await orgWithMembers();
      const attacker = await orgWithMembers();
      const token = `Bearer ${await issueTestScimToken(attacker.org, attacker.owner.user.id)}`;
      for (const route of scimRoutes()) {
        const result = await outcome(await request(route, victim.org.slug, undefined, token));
        expect({ route: route.key, result }).toEqual({ route: route.key, result: "org-not-found" });
      }
    });

    it("refuses SCIM tokens on every other authenticated route", async () => {
      const { org, owner } = await orgWithMembers();
      const token = `Bearer ${await issueTestScimToken(org, owner.user.id)}`;
      for (const route of routes.filter((candidate) => !["none", "scim"].includes(EXPECTED[candidate.key]!.auth))) {
        const status = (await request(route, org.slug, undefined, token)).status;
        expect({ route: route.key, status }).toEqual({ route: route.key, status: 401 });
      }
    });
  });
});
