import { describe, expect, it } from "vitest";
import { baseUrlSchema } from "./schemas";

describe("a provider base URL chosen by an admin", () => {
  it("keeps public and private hosts, without a trailing slash", () => {
    expect(baseUrlSchema.parse("https://gitlab.example.com/")).toBe("https://gitlab.example.com");
    expect(baseUrlSchema.parse("http://10.0.0.5:8080/gitlab")).toBe("http://10.0.0.5:8080/gitlab");
  });

  it("refuses other schemes, credentials, queries and link-local metadata addresses", () => {
    for (const value of [
      "ftp://gitlab.example.com",
      "https://user:pass@gitlab.example.com",
      "https://gitlab.example.com/?token=x",
      "http://169.254.169.254/latest/meta-data",
      "http://[fe80::1]/",
      "http://metadata.google.internal/computeMetadata/v1",
    ]) {
      expect(baseUrlSchema.safeParse(value).success, value).toBe(false);
    }
  });

  it("refuses strings that are no URL at all without throwing (they used to answer 500)", () => {
    for (const value of ["not a url", "http://", "http://a b", "https://exa mple.com", "%", "http://[::1"]) {
      expect(baseUrlSchema.safeParse(value).success, value).toBe(false);
    }
  });
});
