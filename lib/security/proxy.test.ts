// proxy.ts: the per-request CSP (the same nonce handed to Next.js's renderer and sent to
// the browser) and HSTS only behind TLS.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadProxy(environment: Record<string, string> = {}) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return (await import("@/proxy")).proxy;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("proxy: security headers", () => {
  it("gives each page view a fresh nonce, in the response CSP and in the request Next.js renders", async () => {
    const proxy = await loadProxy();
    const first = proxy(new NextRequest("http://localhost:3000/pricing"));
    const second = proxy(new NextRequest("http://localhost:3000/pricing"));
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request }) forwards overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("sends a signed-out browser from the console to sign-in, with the way back", async () => {
    const proxy = await loadProxy();
    const signedOut = proxy(new NextRequest("http://localhost:3000/orgs/acme/members?query=a"));
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Forgs%2Facme%2Fmembers%3Fquery%3Da");
    const withCookie = proxy(new NextRequest("http://localhost:3000/account", { headers: { cookie: "bastion.session=abc" } }));
    expect(withCookie.headers.get("location")).toBeNull();
    expect(withCookie.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("API routes get a deny-all CSP without a nonce", async () => {
    const proxy = await loadProxy();
    const response = proxy(new NextRequest("http://localhost:3000/api/v1/account"));
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it("sends HSTS only over HTTPS: an https APP_URL, or X-Forwarded-Proto from a trusted proxy", async () => {
    const plain = await loadProxy();
    expect(plain(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toBeNull();
    const spoofed = plain(new NextRequest("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();

    const behindProxy = await loadProxy({ TRUST_PROXY: "1" });
    const forwarded = behindProxy(new NextRequest("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }));
    expect(forwarded.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(forwarded.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");

    const httpsApp = await loadProxy({ APP_URL: "https://bastion.example" });
    expect(httpsApp(new NextRequest("http://10.0.0.5:3000/api/health")).headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("proxy: paths that do not decode", () => {
  it("answers a JSON 400 for malformed percent-encoding and NUL, to anonymous callers too, before Next.js decodes params", async () => {
    const proxy = await loadProxy();
    for (const path of ["/api/v1/orgs/%ZZ", "/api/v1/orgs/%", "/api/v1/orgs/%C0%AE", "/api/v1/orgs/%ED%A0%80", "/api/v1/orgs/%00", "/api/webhooks/github/nonexistent%00", "/orgs/%E0%A4%A", "/orgs/a%00b/members"]) {
      const response = proxy(new NextRequest(`http://localhost:3000${path}`));
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "bad_request", message: expect.any(String), requestId: expect.any(String) });
    }
  });

  it("lets well-formed encodings through", async () => {
    const proxy = await loadProxy();
    for (const path of ["/api/v1/orgs/acme%20co", "/api/v1/orgs/%C3%A9t%C3%A9", "/api/v1/orgs/%F0%9F%94%90"]) {
      expect(proxy(new NextRequest(`http://localhost:3000${path}`)).status, path).toBe(200);
    }
  });
});
