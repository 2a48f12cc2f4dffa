import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { captureLogs, type CapturedLogs } from "../testing/capture-logs";

type Pipeline = {
  route: typeof import("./route").route;
  errors: typeof import("../errors");
  authn: typeof import("./authenticate");
  orgAccess: typeof import("./org-access");
  rateLimit: typeof import("./rate-limit");
};

// A fresh copy of the pipeline per test, so registrations do not leak between tests.
async function loadPipeline(): Promise<Pipeline> {
  vi.resetModules();
  return {
    route: (await import("./route")).route,
    errors: await import("../errors"),
    authn: await import("./authenticate"),
    orgAccess: await import("./org-access"),
    rateLimit: await import("./rate-limit"),
  };
}

const params = (value: Record<string, string>) => ({ params: Promise.resolve(value) });

function jsonRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

let logs: CapturedLogs;
let p: Pipeline;

beforeEach(async () => {
  p = await loadPipeline();
  logs = captureLogs();
});

describe("route(): responses and request ids", () => {
  it("answers a handler's value as JSON with a request id and no caching", async () => {
    const handler = p.route({ auth: "none" }, async () => ({ hello: "world" }));
    const response = await handler(new Request("http://test/api/x"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: "world" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a safe incoming X-Request-Id and replaces an unsafe one", async () => {
    const handler = p.route({ auth: "none" }, async ({ requestId }) => ({ requestId }));
    const kept = await handler(new Request("http://test/x", { headers: { "x-request-id": "trace-1234.abc" } }));
    expect(kept.headers.get("x-request-id")).toBe("trace-1234.abc");
    expect(await kept.json()).toEqual({ requestId: "trace-1234.abc" });
    const replaced = await handler(new Request("http://test/x", { headers: { "x-request-id": "<script>alert(1)</script>" } }));
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs one line per request with the path but not the query string", async () => {
    const handler = p.route({ auth: "none" }, async () => ({}));
    await handler(new Request("http://test/api/things?token=supersecret", { headers: { "x-request-id": "req-00000001" } }));
    const line = logs.entries().find((entry) => entry.msg === "request");
    expect(line).toMatchObject({ requestId: "req-00000001", method: "GET", path: "/api/things", status: 200 });
    expect(typeof line?.durationMs).toBe("number");
    expect(logs.text()).not.toContain("supersecret");
  });
});

describe("route(): validation", () => {
  const schemas = {
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    query: z.object({ limit: z.coerce.number().int().max(100).default(20) }),
    body: z.object({ name: z.string().min(1) }),
  };

  it("hands the handler parsed params, query and body", async () => {
    const handler = p.route({ auth: "none", schemas }, async ({ params, query, body }) => ({ params, query, body }));
    const response = await handler(jsonRequest("http://test/x/7?limit=5", { name: "a" }), params({ id: "7" }));
    expect(await response.json()).toEqual({ params: { id: "7" }, query: { limit: 5 }, body: { name: "a" } });
  });

  it("reads prototype names in the query as plain entries, never as the query object's prototype", async () => {
    const handler = p.route({ auth: "none", schemas: { query: z.object({ filter: z.string().optional(), values: z.string().optional() }) } }, async ({ query }) => ({ query }));
    for (const search of ["?__proto__=x", "?__proto__=x&__proto__=y", "?constructor=x&constructor=y"]) {
      const response = await handler(new Request(`http://test/x${search}`));
      expect({ search, status: response.status, body: await response.json() }).toEqual({ search, status: 200, body: { query: {} } });
    }
  });

  it("answers 422 invalid_request naming each bad field and where it was", async () => {
    const handler = p.route({ auth: "none", schemas }, async () => ({}));
    const response = await handler(jsonRequest("http://test/x/abc", { name: "" }), params({ id: "abc" }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details).toEqual([{ path: "id", message: expect.any(String), in: "params" }]);

    const badQuery = await handler(jsonRequest("http://test/x/1?limit=1000", { name: "a" }), params({ id: "1" }));
    expect((await badQuery.json()).error.details).toEqual([{ path: "limit", message: expect.any(String), in: "query" }]);

    const badBody = await handler(jsonRequest("http://test/x/1", { name: "" }), params({ id: "1" }));
    expect((await badBody.json()).error.details).toEqual([{ path: "name", message: expect.any(String), in: "body" }]);
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    const handler = p.route({ auth: "none", schemas: { body: schemas.body } }, async () => ({}));
    const malformed = await handler(jsonRequest("http://test/x", "{not json"));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");
    const form = await handler(
      new Request("http://test/x", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=a" }),
    );
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe("unsupported_media_type");
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    const handler = p.route({ auth: "none", schemas: { body: z.object({ data: z.string() }) }, bodyLimit: 64 }, async () => ({}));
    const big = { data: "x".repeat(100) };
    const declared = await handler(jsonRequest("http://test/x", big));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        controller.close();
      },
    });
    const streamed = await handler(
      new Request("http://test/x", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toMatchObject({ code: "payload_too_large", details: { maxBytes: 64 } });
  });
});

describe("route(): text PostgreSQL cannot store", () => {
  it("answers 422 for NUL or an unpaired surrogate in params, query or body, before the org lookup", async () => {
    const lookups: string[] = [];
    p.authn.registerAuthenticator("session", async () => ({ kind: "user", userId: "u1", sessionId: "s1" }));
    p.rateLimit.registerRateLimiter(async () => ({ headers: {} }));
    p.orgAccess.registerOrgResolver(async (slug) => (lookups.push(slug), { org: { id: "o1", slug }, role: "owner", permissions: new Set(["org:read"]) }));
    // No schema of its own: the pipeline still refuses what the database would choke on.
    const handler = p.route({ auth: "session", permission: "org:read", schemas: { body: z.unknown() } }, async () => ({ reached: true }));
    const post = (url: string, body: unknown) => jsonRequest(url, body, { origin: "http://localhost:3000" });
    const cases: [Request, Record<string, string>, string, string][] = [
      [post("http://test/orgs/a", {}), { slug: "a\u0000" }, "params", "slug"],
      [post("http://test/orgs/a?search=%00", {}), { slug: "a" }, "query", "search"],
      [post("http://test/orgs/a", { items: [{ name: "a\u0000b" }] }), { slug: "a" }, "body", "items.0.name"],
      [post("http://test/orgs/a", '{"name":"a\\ud800b"}'), { slug: "a" }, "body", "name"],
      [post("http://test/orgs/a", '{"k\\u0000":1}'), { slug: "a" }, "body", "k\u0000"],
    ];
    for (const [request, values, part, path] of cases) {
      const response = await handler(request, params(values));
      expect({ part, status: response.status }).toEqual({ part, status: 422 });
      expect((await response.json()).error.details).toEqual([{ path, message: expect.stringContaining("NUL"), in: part }]);
    }
    expect(lookups).not.toContain("a\u0000");
  });
});

describe("route(): errors", () => {
  it("maps each domain error to its status and code", async () => {
    const cases: [Error, number, string][] = [
      [new p.errors.NotFound("Secret"), 404, "not_found"],
      [new p.errors.Forbidden(), 403, "forbidden"],
      [new p.errors.Conflict("Slug taken"), 409, "conflict"],
      [new p.errors.QuotaExceeded("seats", 5), 402, "quota_exceeded"],
      [new p.errors.Invalid("Bad"), 422, "invalid_request"],
      [new p.errors.Unauthorized(), 401, "unauthorized"],
    ];
    for (const [error, status, code] of cases) {
      const response = await p.route({ auth: "none" }, async () => {
        throw error;
      })(new Request("http://test/x"));
      expect(response.status).toBe(status);
      const body = await response.json();
      expect(body.error).toMatchObject({ code, message: error.message });
    }
  });

  it("answers an unexpected error with a bare 500 and logs it with the request id", async () => {
    const handler = p.route({ auth: "none" }, async () => {
      throw new Error("connection to db failed: password hunter2 rejected");
    });
    const response = await handler(new Request("http://test/x", { headers: { "x-request-id": "req-00000500" } }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal_error", message: "Something went wrong on our side", requestId: "req-00000500" },
    });
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("at ");
    expect(logs.entries().find((entry) => entry.level === 50)).toMatchObject({ requestId: "req-00000500" });
  });
});

describe("route(): authentication, rate limiting, org access", () => {
  it("refuses a route that needs a session when no credential is recognised, before parsing", async () => {
    const handler = p.route({ auth: "session", schemas: { body: z.object({ a: z.string() }) } }, async () => ({ reached: true }));
    const response = await handler(jsonRequest("http://test/x", "{broken"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("runs identify, rate limit, resolve org, authorize, validate in that order", async () => {
    const steps: string[] = [];
    p.authn.registerAuthenticator("session", async () => {
      steps.push("identify");
      return { kind: "user", userId: "u1", sessionId: "s1" };
    });
    p.rateLimit.registerRateLimiter(async (_request, actor) => {
      steps.push(`rate-limit:${actor?.kind}`);
      return { headers: { "ratelimit-limit": "10" } };
    });
    p.orgAccess.registerOrgResolver(async (slug) => {
      steps.push(`resolve:${slug}`);
      return slug === "acme" ? { org: { id: "o1", slug }, role: "member", permissions: new Set(["secrets:read"]) } : null;
    });
    const schemas = { query: z.object({ q: z.string().optional() }).transform((query) => (steps.push("validate"), query)) };

    const allowed = p.route({ auth: "session", permission: "secrets:read", schemas }, async ({ access }) => ({ org: access?.org.id }));
    const ok = await allowed(new Request("http://test/orgs/acme/secrets"), params({ slug: "acme" }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ org: "o1" });
    expect(ok.headers.get("ratelimit-limit")).toBe("10");
    expect(steps).toEqual(["identify", "rate-limit:user", "resolve:acme", "validate"]);

    const foreign = await allowed(new Request("http://test/orgs/other/secrets"), params({ slug: "other" }));
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("ratelimit-limit")).toBe("10");

    const denied = p.route({ auth: "session", permission: "secrets:reveal" }, async () => ({ reached: true }));
    const refused = await denied(new Request("http://test/orgs/acme/secrets"), params({ slug: "acme" }));
    expect(refused.status).toBe(403);
  });

  it("refuses a permission-guarded route outside an org", async () => {
    p.authn.registerAuthenticator("session", async () => ({ kind: "user", userId: "u1", sessionId: "s1" }));
    const handler = p.route({ auth: "session", permission: "org:update" }, async () => ({ reached: true }));
    expect((await handler(new Request("http://test/x"))).status).toBe(403);
  });
});
