// GET /api/metrics: token handling, request counts by route template, rate-limit
// decisions, and the job queue and pool gauges read at scrape time.
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { routeTemplate } from "./http";

const TOKEN = "metrics-token-0123456789abcdef";

async function load(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return {
    metricsRoute: (await import("@/app/api/metrics/route")).GET,
    membersRoute: (await import("@/app/api/v1/orgs/[slug]/members/route")).GET,
    limiter: await import("../rate-limit/limiter"),
  };
}

async function scrape(handler: Awaited<ReturnType<typeof load>>["metricsRoute"], authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  return handler(new Request("http://localhost:3000/api/metrics", { headers }), { params: Promise.resolve({}) });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("routeTemplate", () => {
  it("puts each param back as [name], left to right, even when a value equals a later static segment", () => {
    expect(routeTemplate("/api/v1/orgs/acme/members/m1", { slug: "acme", membershipId: "m1" })).toBe("/api/v1/orgs/[slug]/members/[membershipId]");
    expect(routeTemplate("/api/v1/orgs/members/members", { slug: "members" })).toBe("/api/v1/orgs/[slug]/members");
    expect(routeTemplate("/api/v1/orgs/caf%C3%A9", { slug: "café" })).toBe("/api/v1/orgs/[slug]");
    expect(routeTemplate("/api/health", {})).toBe("/api/health");
  });
});

describeWith(["postgres"], "GET /api/metrics", () => {
  it("does not exist (404) without METRICS_TOKEN", async () => {
    const { metricsRoute } = await load({ METRICS_TOKEN: "" });
    expect((await scrape(metricsRoute, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("answers 401 to a missing, malformed or wrong token, and never echoes it", async () => {
    const { metricsRoute } = await load({ METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, TOKEN, "Bearer ", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`]) {
      const response = await scrape(metricsRoute, authorization);
      expect({ authorization, status: response.status }).toEqual({ authorization, status: 401 });
      expect(await response.text()).not.toContain(TOKEN);
    }
  });

  it("counts a request under its route template and status, never its slug", async () => {
    const { metricsRoute, membersRoute } = await load({ METRICS_TOKEN: TOKEN });
    const { org, owner } = await orgWithMembers(["member"]);
    const line = `bastion_http_requests_total{method="GET",route="/api/v1/orgs/[slug]/members",status="200"}`;
    const before = await counterValue(metricsRoute, line);
    const path = `/api/v1/orgs/${org.slug}/members`;
    const response = await membersRoute(new Request(`http://localhost:3000${path}?limit=5`, { headers: { cookie: owner.cookie } }), {
      params: Promise.resolve({ slug: org.slug }),
    });
    expect(response.status).toBe(200);
    expect(await counterValue(metricsRoute, line)).toBe(before + 1);
    const text = await (await scrape(metricsRoute, `Bearer ${TOKEN}`)).text();
    expect(text).not.toContain(org.slug);
    expect(text).toContain(`bastion_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/orgs/[slug]/members",status="200"}`);
  });

  it("counts rate-limit decisions, allowed and limited", async () => {
    const { metricsRoute, limiter } = await load({ METRICS_TOKEN: TOKEN });
    const allowed = await counterValue(metricsRoute, `bastion_rate_limit_decisions_total{decision="allowed"}`);
    const limited = await counterValue(metricsRoute, `bastion_rate_limit_decisions_total{decision="limited"}`);
    const rule = { name: `metrics-test-${Date.now()}`, points: 1, durationSeconds: 60 };
    expect((await limiter.consume(rule, "k")).allowed).toBe(true);
    expect((await limiter.consume(rule, "k")).allowed).toBe(false);
    expect(await counterValue(metricsRoute, `bastion_rate_limit_decisions_total{decision="allowed"}`)).toBe(allowed + 1);
    expect(await counterValue(metricsRoute, `bastion_rate_limit_decisions_total{decision="limited"}`)).toBe(limited + 1);
  });

  it("reports the job queue depth from the Job table and the database pool", async () => {
    const { metricsRoute } = await load({ METRICS_TOKEN: TOKEN });
    const { getDb } = await import("../db");
    const pendingBefore = await counterValue(metricsRoute, `bastion_job_queue_depth{status="pending"}`);
    await getDb().job.create({ data: { task: "metrics-test", runAt: new Date(Date.now() + 3_600_000) } });
    expect(await counterValue(metricsRoute, `bastion_job_queue_depth{status="pending"}`)).toBe(pendingBefore + 1);
    const text = await (await scrape(metricsRoute, `Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/^bastion_job_queue_depth\{status="dead"\} \d+$/m);
    expect(text).toMatch(/^bastion_db_pool_connections\{state="total"\} [1-9]\d*$/m);
    expect(text).toMatch(/^bastion_db_pool_connections\{state="waiting"\} \d+$/m);
  });
});

async function counterValue(handler: Awaited<ReturnType<typeof load>>["metricsRoute"], series: string): Promise<number> {
  const response = await scrape(handler, `Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const line = (await response.text()).split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
