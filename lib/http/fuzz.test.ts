// Fuzzing every operation of the OpenAPI document (and the webhook routes, which it does
// not list) with malformed params, query strings and bodies, as an anonymous caller, a
// signed-in member and an owner: no answer may be a 5xx, a throw (a dropped connection
// behind a real server), a 4xx without the JSON error shape, or a polluted prototype.
// Cases come from lib/testing/fuzz-cases.ts, sampled with a fixed seed so a run is
// repeatable and bounded; rate limiting is off so 429s do not hide what lies behind them.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it, vi } from "vitest";
import type { OpenApiDocument } from "../openapi/document";
import type { RouteModule } from "../openapi/types";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { fuzzCases, sample, seededRandom, type FuzzCase, type FuzzOperation } from "../testing/fuzz-cases";

const SEED = 20_261_104;
/** Cases per operation and caller; the owner gets past authorization, so it gets most. */
const PER_OPERATION = { anonymous: 6, member: 8, owner: 16 } as const;
const CALL_TIMEOUT_MS = 15_000;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let document: OpenApiDocument;
let apiRoutes: Record<string, RouteModule>;
const webhookRoutes: { template: string; handler: Handler }[] = [];

beforeAll(async () => {
  vi.stubEnv("BASTION_RATE_LIMIT", "0");
  vi.resetModules();
  document = (await import("../openapi/document")).openApiDocument();
  apiRoutes = (await import("../openapi/routes.generated")).API_ROUTES;
  const root = path.resolve(import.meta.dirname, "../../app");
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : name === "route.ts" ? [path.join(dir, name)] : []));
  for (const file of walk(path.join(root, "api", "webhooks"))) {
    const template = `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`;
    webhookRoutes.push({ template, handler: ((await import(file)) as { POST: Handler }).POST });
  }
});

/** Sends one case; answers what is wrong with the outcome, or null. */
async function send(handler: Handler, method: string, template: string, fuzz: FuzzCase, cookie?: string): Promise<string | null> {
  const url = template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => encodePathSegment(fuzz.params[name] ?? name));
  const headers: Record<string, string> = { origin: "http://localhost:3000", ...(cookie ? { cookie } : {}), ...(fuzz.body !== undefined ? { "content-type": "application/json" } : {}) };
  const request = new Request(`http://localhost:3000${url}${fuzz.query}`, { method, headers, body: fuzz.body });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS)));
    const response = await Promise.race([handler(request, { params: Promise.resolve(fuzz.params) }), timeout]);
    const text = await response.text();
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return "polluted Object.prototype";
    if (response.status >= 500) return `answered ${response.status} ${text.slice(0, 160)}`;
    if (response.status >= 400 && response.status !== 404 && !(template.startsWith("/api/scim/") ? isScimErrorShape(text, response.status) : isErrorShape(text))) return `answered ${response.status} without the JSON error shape`;
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
        const cases = fuzzCases(operation as FuzzOperation, validParams(operation as FuzzOperation, org.slug));
        const callers = { anonymous: undefined, member: members[0]!.cookie, owner: owner.cookie };
        for (const [caller, cookie] of Object.entries(callers) as [keyof typeof PER_OPERATION, string | undefined][]) {
          for (const fuzz of sample(cases, PER_OPERATION[caller], random)) {
            const problem = await send(handler, method.toUpperCase(), template, fuzz, cookie);
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
});
