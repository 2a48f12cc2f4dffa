import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withPermissionMatrix } from "./matrix-markdown";
import { ALL_PERMISSIONS, PERMISSIONS, can, permissionsOf } from "./permissions";

describe("permission table", () => {
  it("gives owners every permission and keeps billing out of secrets", () => {
    expect([...permissionsOf("owner")].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(can("billing", "billing:manage")).toBe(true);
    expect(can("billing", "secrets:read")).toBe(false);
    expect(can("member", "secrets:reveal")).toBe(false);
    expect(can("admin", "org:delete")).toBe(false);
  });

  it("names every permission domain:action and describes it", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(permission).toMatch(/^[a-z-]+:[a-z]+$/);
      expect(PERMISSIONS[permission].description.length).toBeGreaterThan(10);
    }
  });

  it("is rendered in the README exactly as the table says (npm run docs:permissions)", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toBe(withPermissionMatrix(readme));
  });
});
