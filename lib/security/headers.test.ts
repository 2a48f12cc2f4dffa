import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from "./headers";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1).join(" ")]));
}

describe("security headers", () => {
  it("page CSP in production: nonce'd scripts, no eval, no inline, no framing, no plugins", () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("default-src")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(policy.get("style-src-attr")).toBe("'unsafe-inline'");
    policy.delete("style-src-attr");
    expect([...policy.values()].join(" ")).not.toMatch(/unsafe-(eval|inline)/);
  });

  it("adds 'unsafe-eval' only in development and upgrade-insecure-requests only over HTTPS", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("API answers may not load or be framed by anything", () => {
    expect(directives(API_CONTENT_SECURITY_POLICY).get("default-src")).toBe("'none'");
    expect(directives(API_CONTENT_SECURITY_POLICY).get("frame-ancestors")).toBe("'none'");
  });

  it("nonces are 128-bit base64 and never repeat", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
