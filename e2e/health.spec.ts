import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the mode and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-request-id"]).toBeTruthy();
  expect(await response.json()).toMatchObject({ status: "ok", mode: expect.stringMatching(/^(server|single-process)$/) });
});

test("GET /api/health/ready reports every component ready", async ({ request }) => {
  const response = await request.get("/api/health/ready");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ready", failing: [], checks: { database: { status: "ok" } } });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("an unknown API path answers 404 and echoes a safe request id", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "x-request-id": "e2e-request-0001" } });
  expect(response.headers()["x-request-id"]).toBe("e2e-request-0001");
  expect((await request.get("/api/does-not-exist")).status()).toBe(404);
});

test("a path that does not decode answers a JSON 400 from the proxy, not Next.js's plain-text 500", async ({ request }) => {
  for (const path of ["/api/v1/orgs/%ZZ", "/api/v1/orgs/%", "/api/v1/orgs/%C0%AE", "/api/webhooks/github/nonexistent%00", "/orgs/%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect({ path, status: response.status() }).toEqual({ path, status: 400 });
    expect((await response.json()).error.code).toBe("bad_request");
  }
  const webhook = await request.post("/api/webhooks/github/nonexistent%00", { data: "{}" });
  expect(webhook.status()).toBe(400);
});
