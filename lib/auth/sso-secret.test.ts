import { describe, expect, it } from "vitest";
import { decryptSsoSecret, encryptSsoSecret } from "./sso-secret";

describe("SSO client secret encryption", () => {
  it("round-trips, with a fresh nonce each time and no plaintext in the stored value", () => {
    const first = encryptSsoSecret("org_a", "very-secret-value");
    const second = encryptSsoSecret("org_a", "very-secret-value");
    expect(first).not.toBe(second);
    expect(first).not.toContain("very-secret-value");
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(decryptSsoSecret("org_a", first)).toBe("very-secret-value");
  });

  it("refuses a value copied to another org or tampered with", () => {
    const stored = encryptSsoSecret("org_a", "very-secret-value");
    expect(() => decryptSsoSecret("org_b", stored)).toThrow();
    const [version, nonce, ciphertext, tag] = stored.split(".");
    const flipped = `${ciphertext!.startsWith("A") ? "B" : "A"}${ciphertext!.slice(1)}`;
    expect(() => decryptSsoSecret("org_a", [version, nonce, flipped, tag].join("."))).toThrow();
    expect(() => decryptSsoSecret("org_a", "plaintext")).toThrow(/format/);
  });
});
