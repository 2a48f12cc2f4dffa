// The same-origin check for cookie-authenticated writes: a browser that opened Bastion at
// 127.0.0.1 or a LAN address (not APP_URL's host) must still be able to send forms, a
// forged X-Forwarded-Host counts only behind a trusted proxy, and a real mismatch says
// how to fix it, in the answer and once in the log.
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "../env";
import { captureLogs } from "../testing/capture-logs";
import { assertSameOrigin, requestOrigin } from "./csrf";

// Next.js builds request.url from the address the server binds to, whatever Host says.
function post(headers: Record<string, string>, url = "http://localhost:3000/api/v1/orgs"): Request {
  return new Request(url, { method: "POST", headers });
}

function configure(environment: Record<string, string>) {
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  reloadEnv();
}

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

describe("assertSameOrigin", () => {
  it("accepts a form from the address the browser used, though APP_URL names another", () => {
    configure({ APP_URL: "http://localhost:3000" });
    expect(() => assertSameOrigin(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ host: "192.168.1.20:3000", origin: "http://192.168.1.20:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).not.toThrow();
  });

  it("falls back to the Referer when the browser omits Origin", () => {
    configure({ APP_URL: "http://localhost:3000" });
    expect(() => assertSameOrigin(post({ host: "127.0.0.1:3000", referer: "http://127.0.0.1:3000/orgs/acme" }))).not.toThrow();
  });

  it("lets reads through without any origin", () => {
    configure({ APP_URL: "http://localhost:3000" });
    expect(() => assertSameOrigin(new Request("http://localhost:3000/api/v1/orgs", { method: "GET" }))).not.toThrow();
  });

  it("refuses another site, naming the configured origin and the fix", () => {
    configure({ APP_URL: "https://bastion.example.com" });
    captureLogs();
    const attempt = () => assertSameOrigin(post({ host: "bastion.example.com", origin: "https://evil.example" }));
    expect(attempt).toThrow(/Cross-site request refused/);
    expect(attempt).toThrow(/configured for https:\/\/bastion\.example\.com.*set APP_URL to https:\/\/evil\.example/);
  });

  it("logs a refused origin once, with the fix", () => {
    configure({ APP_URL: "https://bastion.example.com" });
    const logs = captureLogs();
    const origin = "https://once.example";
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(() => assertSameOrigin(post({ host: "bastion.example.com", origin }))).toThrow();
    }
    const warnings = logs.entries().filter((entry) => entry.origin === origin);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.msg)).toContain("set APP_URL");
  });

  it("refuses a write that carries neither Origin nor Referer", () => {
    configure({ APP_URL: "http://localhost:3000" });
    expect(() => assertSameOrigin(post({ host: "localhost:3000" }))).toThrow(/no Origin or Referer/);
  });

  it("ignores X-Forwarded-Host unless TRUST_PROXY is set", () => {
    configure({ APP_URL: "http://localhost:3000" });
    const forged = post({ host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" });
    expect(() => assertSameOrigin(forged)).toThrow(/Cross-site/);
    expect(requestOrigin(forged)).toBe("http://localhost:3000");
  });

  it("behind a trusted proxy, accepts the origin the proxy forwarded", () => {
    configure({ APP_URL: "http://localhost:3000", TRUST_PROXY: "1" });
    const proxied = post({ host: "bastion:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https", origin: "https://console.example.com" });
    expect(requestOrigin(proxied)).toBe("https://console.example.com");
    expect(() => assertSameOrigin(proxied)).not.toThrow();
    // The scheme counts too: the proxy said https, so an http page is another origin.
    const downgraded = post({ host: "bastion:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https", origin: "http://console.example.com" });
    expect(() => assertSameOrigin(downgraded)).toThrow(/Cross-site/);
  });
});
