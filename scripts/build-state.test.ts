// When `npm start` and `npm run release:bundle` consider the build current.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsCurrent } from "./build-state";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function checkout(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "bastion-build-state-"));
  roots.push(root);
  mkdirSync(path.join(root, "lib"));
  writeFileSync(path.join(root, "lib", "a.ts"), "export {};");
  writeFileSync(path.join(root, "next.config.mjs"), "export default {};");
  return root;
}

function stamp(file: string, secondsAgo: number): void {
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, time, time);
}

describe("buildIsCurrent", () => {
  it("is false without a build", () => {
    expect(buildIsCurrent(checkout())).toBe(false);
  });

  it("is true when the build is newer than every source, false once a source changes", () => {
    const root = checkout();
    stamp(path.join(root, "lib", "a.ts"), 60);
    stamp(path.join(root, "next.config.mjs"), 60);
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    stamp(path.join(root, ".next", "BUILD_ID"), 30);
    expect(buildIsCurrent(root)).toBe(true);

    stamp(path.join(root, "lib", "a.ts"), 10);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it("ignores generated code", () => {
    const root = checkout();
    stamp(path.join(root, "lib", "a.ts"), 60);
    stamp(path.join(root, "next.config.mjs"), 60);
    mkdirSync(path.join(root, "lib", "generated"));
    writeFileSync(path.join(root, "lib", "generated", "client.ts"), "export {};");
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    stamp(path.join(root, ".next", "BUILD_ID"), 30);
    expect(buildIsCurrent(root)).toBe(true);
  });
});
