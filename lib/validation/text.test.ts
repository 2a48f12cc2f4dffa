import { describe, expect, it } from "vitest";
import { findUnsafeText, idParam, isSafeText, text } from "./text";

describe("safe text", () => {
  it("refuses NUL and unpaired surrogates, keeps paired ones and everything else", () => {
    expect(isSafeText("plain, ünïcødé and an emoji 🔐")).toBe(true);
    for (const unsafe of ["a\u0000b", "\u0000", "a\ud800b", "\udfff", "x\ud83d"]) expect(isSafeText(unsafe), JSON.stringify(unsafe)).toBe(false);
  });

  it("chains like z.string(): trim, min and max still apply", () => {
    const name = text().trim().min(1).max(3);
    expect(name.parse("  ab ")).toBe("ab");
    expect(name.safeParse("abcd").success).toBe(false);
    expect(name.safeParse("a\u0000").success).toBe(false);
    expect(idParam().safeParse("x".repeat(65)).success).toBe(false);
    expect(idParam().safeParse("a\ud800").success).toBe(false);
  });

  it("finds the first unsafe string or key in a JSON value and names its path", () => {
    expect(findUnsafeText({ a: ["ok", { b: "x\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findUnsafeText({ "k\ud800": 1 })).toEqual(["k\ud800"]);
    expect(findUnsafeText({ a: [1, true, null, "fine"] })).toBeNull();
  });

  it("walks 10,000 levels of nesting without overflowing the stack", () => {
    let deep: unknown = "bottom\u0000";
    for (let level = 0; level < 10_000; level += 1) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(10_000);
    expect(findUnsafeText(JSON.parse(`${"[".repeat(10_000)}"ok"${"]".repeat(10_000)}`))).toBeNull();
  });
});
