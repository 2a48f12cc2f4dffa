// Where the local keyring comes from: the environment, or in single-process mode a key
// generated once into the data directory with a loud warning; server mode refuses.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureLogs } from "../testing/capture-logs";
import { resolveMasterKeys } from "./index";
import { parseMasterKeys } from "./local";

describe("local master keys", () => {
  it("uses the configured keyring as is", () => {
    const configured = `v1:${Buffer.alloc(32, 3).toString("base64")}`;
    expect(resolveMasterKeys({ configured, mode: "server", directory: "/nonexistent" })).toBe(configured);
  });

  it("refuses to run secrets in server mode without configured keys", () => {
    expect(() => resolveMasterKeys({ mode: "server", directory: "/nonexistent" })).toThrow(/BASTION_MASTER_KEYS is required in server mode/);
  });

  it("generates one key into the data directory once in single-process mode, warning loudly without printing it", () => {
    const logs = captureLogs();
    const directory = path.join(mkdtempSync(path.join(tmpdir(), "bastion-kms-")), "data");
    const generated = resolveMasterKeys({ mode: "single-process", directory });
    const [key] = parseMasterKeys(generated);
    expect(key!.version).toBe(1);
    expect(statSync(path.join(directory, "master-keys")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(directory, "master-keys"), "utf8").trim()).toBe(generated);
    expect(logs.text()).toContain("BASTION_MASTER_KEYS is not set");
    expect(logs.text()).not.toContain(key!.key.toString("base64"));
    logs.clear();
    expect(resolveMasterKeys({ mode: "single-process", directory })).toBe(generated);
    expect(logs.text()).toBe("");
  });
});
