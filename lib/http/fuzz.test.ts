// Fuzzing every route handler under app/api with malformed params, query strings and bodies:
// every operation of the OpenAPI document (as an anonymous caller, a signed-in member and an
// owner; SCIM routes with their directory token instead), the webhook routes, SCIM's own
// hostile input (filters, PATCH operations, resources, media types), the SAML routes (garbage,
// huge and entity-expanding SAMLResponses, RelayState garbage, bad connection ids) and the
// routes outside the document (next-auth, health, metrics, bench, the OAuth callback). No
// answer may be a 5xx, a throw (a dropped connection behind a real server), a refusal in the
// wrong shape (JSON error; SCIM's error body on SCIM routes; a redirect to /auth-error from the
// SAML ACS), or a polluted prototype; the last test checks every exported method was reached.
// Cases come from lib/testing/fuzz-cases.ts and fuzz-identity-cases.ts, sampled with a fixed
// seed so a run is repeatable and bounded; rate limiting is off so 429s do not hide what lies behind them.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it, vi } from "vitest";
import type { OpenApiDocument } from "../openapi/document";
import type { RouteModule } from "../openapi/types";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers, uniqueSuffix } from "../testing/fixtures";
import { addVerifiedDomain, createOrg } from "../testing/org-fixtures";
import { TestSamlIdp, type ResponseOptions } from "../testing/saml-idp";
import { issueTestScimToken, scimCall } from "../testing/scim-client";
import { AUTH_ERROR_MESSAGES } from "../auth/auth-errors";
import { getDb } from "../db";
import { saveSamlConnection } from "../sso/saml/connections";
import { spUrls } from "../sso/saml/service-provider";
import { fuzzCases, sample, seededRandom, type FuzzCase, type FuzzOperation } from "../testing/fuzz-cases";
import { RELAY_STATES, SAML_CONNECTION_IDS, SCIM_FILTERS, SCIM_PATCH_BODIES, SCIM_RESOURCE_BODIES, SCIM_WRONG_CONTENT_TYPES, SIGN_IN_QUERIES, acsPosts } from "../testing/fuzz-identity-cases";

const SEED = 20_261_104;
/** Cases per operation and caller; the owner (and, on SCIM routes, the directory token) gets past authorization, so it gets most. */
const PER_OPERATION = { anonymous: 6, member: 8, owner: 16, scim: 24 } as const;
const CALL_TIMEOUT_MS = 15_000;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let document: OpenApiDocument;
let apiRoutes: Record<string, RouteModule>;
const webhookRoutes: { template: string; handler: Handler }[] = [];
/** Every route.ts under app/api, with the HTTP methods it exports. */
const allRoutes: { template: string; methods: Record<string, Handler> }[] = [];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

beforeAll(async () => {
  vi.stubEnv("BASTION_RATE_LIMIT", "0");
  vi.resetModules();
  document = (await import("../openapi/document")).openApiDocument();
  apiRoutes = (await import("../openapi/routes.generated")).API_ROUTES;
  const root = path.resolve(import.meta.dirname, "../../app");
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : name === "route.ts" ? [path.join(dir, name)] : []));
  for (const file of walk(path.join(root, "api"))) {
    const template = `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`;
    const module = (await import(file)) as Record<string, unknown>;
    allRoutes.push({ template, methods: Object.fromEntries(HTTP_METHODS.filter((method) => typeof module[method] === "function").map((method) => [method, module[method] as Handler])) });
    if (template.startsWith("/api/webhooks/")) webhookRoutes.push({ template, handler: module.POST as Handler });
  }
});

type Credential = { cookie?: string; authorization?: string; headers?: Record<string, string> };
type SendOptions = { contentType?: string | null; check?: (response: Response, text: string) => string | null };

/** `${METHOD} ${template}` of every handler a case reached, for the coverage check at the end. */
const exercised = new Set<string>();

/** Sends one case; answers what is wrong with the outcome, or null. */
async function send(handler: Handler, method: string, template: string, fuzz: FuzzCase, credential: Credential | string = {}, options: SendOptions = {}): Promise<string | null> {
  exercised.add(`${method} ${template}`);
  const { cookie, authorization, headers: extra } = typeof credential === "string" ? { cookie: credential, authorization: undefined, headers: undefined } : credential;
  const url = template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodePathSegment(fuzz.params[name] ?? name));
  const contentType = options.contentType !== undefined ? options.contentType : fuzz.body !== undefined ? "application/json" : null;
  const headers: Record<string, string> = { origin: "http://localhost:3000", ...extra, ...(cookie ? { cookie } : {}), ...(authorization ? { authorization } : {}), ...(contentType ? { "content-type": contentType } : {}) };
  const request = new Request(`http://localhost:3000${url}${fuzz.query}`, { method, headers, body: fuzz.body });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS)));
    const params = Object.fromEntries(Object.entries(fuzz.params).map(([name, value]) => [name, template.includes(`[...${name}]`) ? value.split("/") : value]));
    const response = await Promise.race([handler(request, { params: Promise.resolve(params as Record<string, string>) }), timeout]);
    const text = await response.text();
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return "polluted Object.prototype";
    if (response.status >= 500) return `answered ${response.status} ${text.slice(0, 160)}`;
    if (options.check) return options.check(response, text);
    if (response.status >= 400 && response.status !== 404 && !(template.startsWith("/api/scim/") ? isScimErrorShape(text, response.status) : isErrorShape(text))) return `answered ${response.status} without the JSON error shape: ${text.slice(0, 100)}`;
    return null;
  } catch (error) {
    return `threw (a dropped connection over HTTP): ${error instanceof Error ? error.message.slice(0, 160) : typeof error}`;
  } finally {
    clearTimeout(timer);
  }
}

/** A lone surrogate has no percent-encoding; a client's bytes would decode to U+FFFD in the URL (the param keeps it). */
function encodePathSegment(value: string): string {
  return encodeURIComponent(value.replace(/\p{Surrogate}/gu, "\ufffd"));
}

/** SCIM clients expect RFC 7644's error body: the SCIM Error schema and the status as a string. */
function isScimErrorShape(text: string, status: number): boolean {
  try {
    const body = JSON.parse(text) as { schemas?: unknown; status?: unknown };
    return Array.isArray(body.schemas) && body.schemas.includes("urn:ietf:params:scim:api:messages:2.0:Error") && body.status === String(status);
  } catch {
    return false;
  }
}

function isErrorShape(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { error?: { code?: unknown } }).error?.code === "string";
  } catch {
    return false;
  }
}

function validParams(operation: FuzzOperation, slug: string): Record<string, string> {
  const names = operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
  return Object.fromEntries(names.map((name) => [name, name === "slug" ? slug : name === "version" ? "1" : `unknown-${name}`]));
}

describeWith(["postgres", "redis"], `fuzz: malformed input never answers 5xx (seed ${SEED})`, () => {
  it("holds for every /api/v1 operation in the OpenAPI document, as anonymous, member and owner", async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let sent = 0;
    for (const [openApiPath, methods] of Object.entries(document.paths)) {
      const template = openApiPath.replace(/\{(\w+)\}/g, "[$1]");
      for (const [method, operation] of Object.entries(methods)) {
        const handler = apiRoutes[template]?.[method.toUpperCase() as "GET"] as unknown as Handler;
        // A fresh org per operation: a case that happens to act (leave, sign out) changes only its own.
        const { org, owner, members } = await orgWithMembers(["member"]);
        const scim = template.startsWith("/api/scim/") ? await scimDirectoryWithResources(org, owner.user.id) : null;
        const cases = fuzzCases(operation as FuzzOperation, { ...validParams(operation as FuzzOperation, org.slug), ...(scim ? { id: template.includes("/Groups/") ? scim.groupId : scim.userId } : {}) });
        // SCIM routes take only the directory token: cookies are refused before any parsing.
        const callers: Partial<Record<keyof typeof PER_OPERATION, Credential>> = scim ? { anonymous: {}, owner: { cookie: owner.cookie }, scim: { authorization: scim.authorization } } : { anonymous: {}, member: { cookie: members[0]!.cookie }, owner: { cookie: owner.cookie } };
        for (const [caller, credential] of Object.entries(callers) as [keyof typeof PER_OPERATION, Credential][]) {
          for (const fuzz of sample(cases, PER_OPERATION[caller], random)) {
            const problem = await send(handler, method.toUpperCase(), template, fuzz, credential);
            sent += 1;
            if (problem) failures.push(`${caller} ${method.toUpperCase()} ${openApiPath} ${fuzz.label}: ${problem}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 300_000);

  it("holds for the webhook routes, with every case", async () => {
    const failures: string[] = [];
    const operation: FuzzOperation = { parameters: [{ name: "provider", in: "path" }, { name: "connectionId", in: "path" }], requestBody: { content: { "application/json": { schema: { type: "object", properties: { action: { type: "string" } } } } } } };
    for (const { template, handler } of webhookRoutes) {
      for (const provider of template.includes("[provider]") ? ["github", "gitlab", "jira", "linear", "slack", "nope"] : ["-"]) {
        for (const fuzz of fuzzCases(operation, { provider, connectionId: "unknown-connection" })) {
          const problem = await send(handler, "POST", template, fuzz);
          if (problem) failures.push(`POST ${template} (${provider}) ${fuzz.label}: ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  // Each of these answered 500 when probed black-box; each must be refused with a 4xx now.
  it("refuses the inputs black-box probing found answering 500", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const api = (template: string, method: string) => apiRoutes[template]![method as "GET"] as unknown as Handler;
    const at = (params: Record<string, string>, body?: unknown): FuzzCase => ({ label: "", params, query: "", body: body === undefined ? undefined : JSON.stringify(body) });
    const webhook = webhookRoutes.find((candidate) => candidate.template === "/api/webhooks/[provider]/[connectionId]")!.handler;
    const cases: [string, Handler, string, string, FuzzCase, string | undefined, number][] = [
      ["anonymous webhook to nonexistent%00", webhook, "POST", "/api/webhooks/[provider]/[connectionId]", at({ provider: "github", connectionId: "nonexistent\u0000" }, {}), undefined, 422],
      ["GET /orgs/%00", api("/api/v1/orgs/[slug]", "GET"), "GET", "/api/v1/orgs/[slug]", at({ slug: "\u0000" }), owner.cookie, 422],
      ["GET /orgs/<slug>/secrets/%00", api("/api/v1/orgs/[slug]/secrets/[secretId]", "GET"), "GET", "/api/v1/orgs/[slug]/secrets/[secretId]", at({ slug: org.slug, secretId: "\u0000" }), owner.cookie, 422],
      ["DELETE /account/sessions/%00", api("/api/v1/account/sessions/[id]", "DELETE"), "DELETE", "/api/v1/account/sessions/[id]", at({ id: "\u0000" }), members[0]!.cookie, 422],
      ["onboarding name with NUL", api("/api/v1/onboarding", "POST"), "POST", "/api/v1/onboarding", at({}, { name: "a\u0000b" }), members[0]!.cookie, 422],
      ["ownership transfer to a NUL id", api("/api/v1/orgs/[slug]/ownership-transfer", "POST"), "POST", "/api/v1/orgs/[slug]/ownership-transfer", at({ slug: org.slug }, { toUserId: "a\u0000b" }), owner.cookie, 422],
      ...["not a url", "http://", "https://exa mple.com", "%", "http://[::1"].map((baseUrl): [string, Handler, string, string, FuzzCase, string | undefined, number] =>
        [`slack OAuth start with baseUrl ${JSON.stringify(baseUrl)}`, api("/api/v1/orgs/[slug]/integrations/oauth/[provider]", "POST"), "POST", "/api/v1/orgs/[slug]/integrations/oauth/[provider]", at({ slug: org.slug, provider: "slack" }, { baseUrl }), owner.cookie, 422]),
    ];
    const outcomes = [];
    for (const [label, handler, method, template, fuzz, cookie, expected] of cases) {
      const url = template.replace(/\[(\w+)\]/g, (_, name: string) => encodePathSegment(fuzz.params[name]!));
      const response = await handler(new Request(`http://localhost:3000${url}`, { method, headers: { origin: "http://localhost:3000", ...(cookie ? { cookie } : {}), ...(fuzz.body ? { "content-type": "application/json" } : {}) }, body: fuzz.body }), { params: Promise.resolve(fuzz.params) });
      outcomes.push({ label, status: response.status, code: ((await response.json()) as { error?: { code?: string } }).error?.code, expected });
    }
    expect(outcomes.filter((outcome) => outcome.status !== outcome.expected)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.code))).toEqual(new Set(["invalid_request"]));
  });

  it("refuses bad percent-encoding in every operation's path with a JSON 400 from proxy.ts, anonymous callers included", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const failures: string[] = [];
    const templates = [...Object.keys(document.paths).map((openApiPath) => openApiPath.replace(/\{(\w+)\}/g, "[$1]")), ...webhookRoutes.map((route) => route.template)];
    for (const template of templates) {
      for (const bad of ["%ZZ", "%", "%C0%AE", "%ED%A0%80", "%00"]) {
        // In every dynamic segment, or appended to a static path.
        const url = /\[/.test(template) ? template.replace(/\[(\w+)\]/g, bad) : `${template}/${bad}`;
        const response = proxy(new NextRequest(`http://localhost:3000${url}`));
        const body = response.status === 400 ? ((await response.json()) as { error?: { code?: string } }) : null;
        if (body?.error?.code !== "bad_request") failures.push(`${url}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps one undecryptable secret from failing reveal, values and export with a 5xx", async () => {
    const { org, owner } = await orgWithMembers();
    const { secretsApi } = await import("../secrets/test-api");
    const { getDb } = await import("../db");
    const secrets = secretsApi(org.slug, owner.cookie);
    const { body: source } = await secrets.create({ key: "SOURCE", value: "one" });
    const { body: target } = await secrets.create({ key: "TARGET", value: "two" });
    const row = await getDb().secretVersion.findFirstOrThrow({ where: { secretId: source.id, version: 1 } });
    await getDb().secretVersion.update({ where: { secretId_version: { secretId: target.id, version: 1 } }, data: { ciphertext: row.ciphertext, nonce: row.nonce } });
    expect([(await secrets.reveal(target.id)).status, (await secrets.values()).status, (await secrets.exportEnv()).status]).toEqual([409, 200, 200]);
  });

  it("answers an API-key caller whose database connection just dropped with 503 and Retry-After, not 500", async () => {
    const { org, owner } = await orgWithMembers();
    const key = await createTestApiKey(org.id, owner.user.id, ["org:read"]);
    const { getPool } = await import("../db");
    const pooled = await getPool().connect();
    (pooled as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    pooled.release();
    const handler = apiRoutes["/api/v1/orgs/[slug]"]!.GET as unknown as Handler;
    const response = await handler(new Request(`http://localhost:3000/api/v1/orgs/${org.slug}`, { headers: { authorization: key.authorization } }), { params: Promise.resolve({ slug: org.slug }) });
    expect({ status: response.status, retryAfter: response.headers.get("retry-after") }).toEqual({ status: 503, retryAfter: "2" });
  });

  it("holds for the SCIM routes with SCIM's own hostile input: filters, resources, PATCH operations, media types", async () => {
    const { org, owner } = await orgWithMembers();
    const scim = await scimDirectoryWithResources(org, owner.user.id);
    const route = (template: string) => allRoutes.find((candidate) => candidate.template === template)!.methods;
    const users = route("/api/scim/v2/[slug]/Users");
    const user = route("/api/scim/v2/[slug]/Users/[id]");
    const groups = route("/api/scim/v2/[slug]/Groups");
    const group = route("/api/scim/v2/[slug]/Groups/[id]");
    const failures: string[] = [];
    const at = (id: string | null, query: string, body?: string): FuzzCase => ({ label: "", params: { slug: org.slug, ...(id ? { id } : {}) }, query, body });
    const check = async (label: string, handler: Handler, method: string, template: string, fuzz: FuzzCase, contentType?: string | null) => {
      const problem = await send(handler, method, template, fuzz, { authorization: scim.authorization }, { contentType: contentType === undefined ? (fuzz.body === undefined ? null : "application/scim+json") : contentType, check: scimRefusalProblem });
      if (problem) failures.push(`${method} ${template} ${label}: ${problem}`);
    };
    for (const filter of SCIM_FILTERS) {
      for (const query of [`?filter=${encodeURIComponent(filter)}`, `?filter=${filter.replace(/ /g, "%20")}&startIndex=-5&count=1e9`]) {
        await check(`filter ${filter.slice(0, 40)}`, users.GET!, "GET", "/api/scim/v2/[slug]/Users", at(null, query));
        await check(`filter ${filter.slice(0, 40)}`, groups.GET!, "GET", "/api/scim/v2/[slug]/Groups", at(null, query));
      }
    }
    for (const [label, body] of SCIM_RESOURCE_BODIES) {
      await check(label, users.POST!, "POST", "/api/scim/v2/[slug]/Users", at(null, "", body));
      await check(label, groups.POST!, "POST", "/api/scim/v2/[slug]/Groups", at(null, "", body));
      await check(label, user.PUT!, "PUT", "/api/scim/v2/[slug]/Users/[id]", at(scim.userId, "", body));
      await check(label, group.PUT!, "PUT", "/api/scim/v2/[slug]/Groups/[id]", at(scim.groupId, "", body));
    }
    for (const [label, body] of SCIM_PATCH_BODIES) {
      await check(label, user.PATCH!, "PATCH", "/api/scim/v2/[slug]/Users/[id]", at(scim.userId, "", body));
      await check(label, group.PATCH!, "PATCH", "/api/scim/v2/[slug]/Groups/[id]", at(scim.groupId, "", body));
    }
    const valid = JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "displayName", value: "x" }] });
    for (const contentType of SCIM_WRONG_CONTENT_TYPES) {
      await check(`content type ${JSON.stringify(contentType)}`, users.POST!, "POST", "/api/scim/v2/[slug]/Users", at(null, "", valid), contentType);
      await check(`content type ${JSON.stringify(contentType)}`, group.PATCH!, "PATCH", "/api/scim/v2/[slug]/Groups/[id]", at(scim.groupId, "", valid), contentType);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("holds for the SAML routes: the ACS refuses by redirecting to the sign-in error page, with nothing created", async () => {
    const saml = await samlConnection();
    const route = (name: string) => allRoutes.find((candidate) => candidate.template === `/api/saml/[connectionId]/${name}`)!.methods;
    const acs = { template: "/api/saml/[connectionId]/acs", handler: route("acs").POST! };
    const metadata = { template: "/api/saml/[connectionId]/metadata", handler: route("metadata").GET! };
    const signIn = { template: "/api/saml/[connectionId]/sign-in", handler: route("sign-in").GET! };
    const failures: string[] = [];
    const record = (label: string, problem: string | null) => problem && failures.push(`${label}: ${problem}`);
    const form = (connectionId: string, body: string): FuzzCase => ({ label: "", params: { connectionId }, query: "", body });
    const sessionsBefore = await getDb().session.count({ where: { ssoConnectionId: saml.connectionId } });

    for (const [label, contentType, body] of acsPosts()) {
      record(`POST acs ${label}`, await send(acs.handler, "POST", acs.template, form(saml.connectionId, body), {}, { contentType, check: samlRefusalProblem }));
    }
    for (const connectionId of SAML_CONNECTION_IDS) {
      // A URL whose id is not an id at all (NUL, lone surrogate, empty, over 64 characters) is
      // one no IdP was ever given: the pipeline refuses it with its JSON 422, as on every route.
      const malformed = /[\u0000\ud800-\udfff]/.test(connectionId) || connectionId.length === 0 || connectionId.length > 64;
      const refusal = (problem: (response: Response, text: string) => string | null) => (response: Response, text: string) => (malformed && response.status === 422 && isErrorShape(text) ? null : problem(response, text));
      const label = JSON.stringify(connectionId.slice(0, 20));
      record(`POST acs id ${label}`, await send(acs.handler, "POST", acs.template, form(connectionId, `SAMLResponse=${encodeURIComponent(await saml.idp.response(saml.base()))}`), {}, { contentType: "application/x-www-form-urlencoded", check: refusal(samlRefusalProblem) }));
      record(`GET metadata id ${label}`, await send(metadata.handler, "GET", metadata.template, { label: "", params: { connectionId }, query: "" }, {}, { check: refusal(jsonRefusalProblem) }));
      record(`GET sign-in id ${label}`, await send(signIn.handler, "GET", signIn.template, { label: "", params: { connectionId }, query: "?callbackUrl=/x" }, {}, { check: refusal((response) => (response.status === 303 && response.headers.get("location") === "/auth-error?error=SsoNotConfigured" ? null : `answered ${response.status} ${response.headers.get("location")}`)) }));
    }
    expect(failures).toEqual([]);
    expect(await getDb().session.count({ where: { ssoConnectionId: saml.connectionId } })).toBe(sessionsBefore);

    // SP-initiated: a hostile callbackUrl never leaves the site through the IdP's RelayState.
    for (const query of SIGN_IN_QUERIES) {
      record(`GET sign-in ${query.slice(0, 40)}`, await send(signIn.handler, "GET", signIn.template, { label: "", params: { connectionId: saml.connectionId }, query }, {}, {
        check: (response, text) => {
          if (response.status === 422 && isErrorShape(text)) return null;
          const location = response.headers.get("location") ?? "";
          if (response.status !== 303 || !location.startsWith(saml.idp.ssoUrl)) return `answered ${response.status} ${location}`;
          return isSitePath(new URL(location).searchParams.get("RelayState") ?? "/") ? null : `RelayState ${new URL(location).searchParams.get("RelayState")} leaves the site`;
        },
      }));
    }
    // A valid response with a hostile RelayState signs in and lands on this site only.
    for (const relayState of RELAY_STATES) {
      const body = new URLSearchParams({ SAMLResponse: await saml.idp.response(saml.base()), RelayState: relayState }).toString();
      record(`POST acs signed, RelayState ${JSON.stringify(relayState.slice(0, 20))}`, await send(acs.handler, "POST", acs.template, form(saml.connectionId, body), {}, {
        contentType: "application/x-www-form-urlencoded",
        check: (response) => (response.status === 303 && response.headers.get("set-cookie") && isSitePath(response.headers.get("location") ?? "") ? null : `answered ${response.status} ${response.headers.get("location")}`),
      }));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("holds for the routes outside the OpenAPI document: auth, health, metrics, bench, OAuth callback", async () => {
    const { owner } = await orgWithMembers();
    const covered = new Set([...Object.keys(document.paths).map((openApiPath) => openApiPath.replace(/\{(\w+)\}/g, "[$1]"))]);
    const others = allRoutes.filter(({ template }) => !covered.has(template) && !template.startsWith("/api/webhooks/") && !template.startsWith("/api/saml/"));
    const failures: string[] = [];
    const runAll = async (mode: string, credentials: Record<string, Credential>) => {
      for (const { template, methods } of others) {
        for (const [method, handler] of Object.entries(methods)) {
          const schemas = (handler as { meta?: { schemas?: { query?: { shape?: Record<string, unknown> } } } }).meta?.schemas;
          const operation: FuzzOperation = {
            parameters: [...[...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => ({ name: match[1]!, in: "path" })), ...Object.keys(schemas?.query?.shape ?? { state: null, code: null, orgId: null, callbackUrl: null }).map((name) => ({ name, in: "query" }))],
            ...(method === "GET" ? {} : { requestBody: { content: { "application/json": { schema: { type: "object", properties: { csrfToken: { type: "string" }, email: { type: "string" }, callbackUrl: { type: "string" } } } } } } }),
          };
          const valid = { nextauth: "session", provider: "github" };
          for (const [caller, credential] of Object.entries(credentials)) {
            for (const fuzz of fuzzCases(operation, valid)) {
              const problem = await send(handler, method, template, fuzz, credential);
              if (problem) failures.push(`${mode} ${caller} ${method} ${template} ${fuzz.label}: ${problem}`);
            }
          }
        }
      }
    };
    await runAll("default", { anonymous: {}, owner: { cookie: owner.cookie } });
    // The routes that exist only when configured: metrics with its token, the bench routes in
    // benchmark mode for a loopback caller (bench/webhooks writes to a table only the
    // benchmark's scratch database has, so its malformed-input answers are the default mode's 404).
    const { reloadEnv } = await import("../env");
    vi.stubEnv("METRICS_TOKEN", "fuzz-metrics-token-0123456789");
    vi.stubEnv("BASTION_BENCH", "1");
    reloadEnv();
    try {
      const configured = others.filter(({ template }) => template === "/api/metrics" || template === "/api/bench/members");
      const saved = others.splice(0, others.length, ...configured);
      // x-bastion-client-ip is the socket's peer as scripts/start.ts passes it on.
      const loopback = { "x-bastion-client-ip": "127.0.0.1" };
      await runAll("configured", { loopback: { authorization: "Bearer fuzz-metrics-token-0123456789", headers: loopback }, wrongToken: { authorization: "Bearer \u00ff", headers: loopback } });
      others.splice(0, others.length, ...saved);
    } finally {
      vi.stubEnv("METRICS_TOKEN", undefined);
      vi.stubEnv("BASTION_BENCH", undefined);
      reloadEnv();
    }
    expect(failures).toEqual([]);
  }, 300_000);

  // Runs last: every handler the tests above reached was recorded by send().
  it("has exercised every exported method of every route.ts under app/api", () => {
    const missing = allRoutes.flatMap(({ template, methods }) => Object.keys(methods).map((method) => `${method} ${template}`)).filter((key) => !exercised.has(key));
    expect(allRoutes.length).toBeGreaterThan(90);
    expect(missing).toEqual([]);
  });
});

/** An org's SCIM directory token, with one provisioned user and one pushed group to aim at. */
async function scimDirectoryWithResources(org: { id: string; slug: string }, ownerId: string) {
  const authorization = `Bearer ${await issueTestScimToken(org, ownerId)}`;
  const email = `fuzz-${uniqueSuffix()}@example.test`;
  const created = await scimCall(org.slug, authorization, "POST", "/Users", { userName: email, emails: [{ type: "work", value: email }], active: true });
  const group = await scimCall(org.slug, authorization, "POST", "/Groups", { displayName: `Fuzz ${uniqueSuffix()}`, members: [{ value: created.body.id }] });
  return { authorization, userId: created.body.id as string, groupId: group.body.id as string };
}

/** Every SCIM refusal, 404 included, is an RFC 7644 error body. */
function scimRefusalProblem(response: Response, text: string): string | null {
  return response.status >= 400 && !isScimErrorShape(text, response.status) ? `answered ${response.status} without the SCIM error shape: ${text.slice(0, 120)}` : null;
}

function jsonRefusalProblem(response: Response, text: string): string | null {
  return response.status >= 400 && !isErrorShape(text) ? `answered ${response.status} without the JSON error shape` : null;
}

/**
 * What a browser posting to the ACS must get when Bastion refuses: a 303 to the sign-in
 * error page with a code that page explains (not its generic "Default"), no cookie, and no
 * body (so no stack or XML echoed back). The IdP's form post is a top-level navigation, so a
 * JSON error would strand the user on a page of JSON.
 */
function samlRefusalProblem(response: Response, text: string): string | null {
  const location = response.headers.get("location") ?? "";
  const code = /^\/auth-error\?error=(\w+)$/.exec(location)?.[1];
  if (response.status !== 303 || !code) return `answered ${response.status} ${location || text.slice(0, 120)} instead of a redirect to /auth-error`;
  if (!Object.hasOwn(AUTH_ERROR_MESSAGES, code) || code === "Default") return `redirected with ${code}, which the sign-in error page does not explain`;
  if (response.headers.get("set-cookie")) return "set a cookie while refusing";
  if (text) return `refused with a body: ${text.slice(0, 120)}`;
  return null;
}

/** A path on this site (no other origin, no scheme). */
function isSitePath(location: string): boolean {
  return location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\") && new URL(location, "http://bastion.invalid").origin === "http://bastion.invalid";
}

/** An enabled SAML connection to an IdP made in the test, on a verified domain (so a valid response signs in). */
async function samlConnection() {
  const org = await createOrg();
  const domain = `fuzz-${uniqueSuffix()}.test`;
  await addVerifiedDomain(org.id, domain);
  const idp = new TestSamlIdp();
  await saveSamlConnection(
    { org, actorId: null as unknown as string, meta: { ip: "127.0.0.1", userAgent: "vitest" }, requestId: "fuzz" },
    { metadataXml: idp.metadataXml(), requireEncryptedAssertions: false, allowUnverifiedDomains: false, enforceForDomains: false, enabled: true },
  );
  const connection = await getDb().samlConnection.findUniqueOrThrow({ where: { orgId: org.id } });
  const urls = spUrls(connection.id);
  const base = (): ResponseOptions => {
    const email = `fuzz-${uniqueSuffix()}@${domain}`;
    return { acsUrl: urls.acsUrl, audience: urls.entityId, nameId: email, email };
  };
  return { connectionId: connection.id, idp, base };
}
