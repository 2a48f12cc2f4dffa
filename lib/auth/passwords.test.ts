import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, passwordProblems, verifyPassword } from "./passwords";
import { safeRedirectPath } from "./redirect";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("salts every hash and refuses malformed stored values", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
    expect(await verifyPassword("anything", "md5$abc")).toBe(false);
    expect(needsRehash("scrypt$N=1024,r=8,p=1$AAAA$AAAA")).toBe(true);
  });
});

describe("password policy", () => {
  it("requires 10 characters and refuses the most common passwords and the email itself", () => {
    expect(passwordProblems("x7#kQ")).toEqual(["Use at least 10 characters."]);
    expect(passwordProblems("1234567890")).toEqual(["This password is too common; choose another."]);
    expect(passwordProblems("Qwertyuiop")).toEqual(["This password is too common; choose another."]);
    expect(passwordProblems("ada@example.com", "Ada@Example.com")).toEqual(["Do not use your email address as your password."]);
    expect(passwordProblems("violet-anchor-97-tundra")).toEqual([]);
  });
});

describe("safeRedirectPath", () => {
  it("keeps same-site paths and refuses anything that leaves the site", () => {
    expect(safeRedirectPath("/orgs/acme?tab=1#x")).toBe("/orgs/acme?tab=1#x");
    for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null]) {
      expect(safeRedirectPath(hostile, "/home")).toBe("/home");
    }
  });
});
