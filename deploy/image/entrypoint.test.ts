// The image's entry point runs exactly the package.json scripts' command lines, so the
// image, compose and the chart start the same processes as `npm start` and friends.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entrypointCommands } from "./entrypoint-commands";

const root = path.resolve(import.meta.dirname, "../..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const commands = entrypointCommands(readFileSync(path.join(import.meta.dirname, "entrypoint.sh"), "utf8"));

describe("deploy/image/entrypoint.sh", () => {
  it.each([
    ["web", "start"],
    ["worker", "worker"],
    ["migrate", "db:migrate"],
    ["keys-rotate", "keys:rotate"],
  ])("%s runs npm run %s's command line", (command, script) => {
    expect(commands[command]).toBe(scripts[script]);
  });

  it("has no command beyond those four", () => {
    expect(Object.keys(commands).sort()).toEqual(["keys-rotate", "migrate", "web", "worker"]);
  });
});
