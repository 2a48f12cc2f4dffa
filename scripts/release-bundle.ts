// npm run release:bundle: a tarball that runs Bastion on a machine with Node.js 20.9+ and
// no network: the production build (.next), the sources the entry points run through tsx,
// the migrations, and production node_modules (installed with install scripts off, so
// nothing downloads anything; Prisma 7's client needs no engine binaries).
//   npm run release:bundle [-- --out dist]  ->  dist/bastion-<version>-linux-x64.tar.gz
// It builds first unless the build in .next is current (newer than every source).
// Start it with `BASTION_BUILD_ON_START=0 npm start` (or the node command line of
// package.json's "start"): the bundle has no dev dependencies to build with.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import packageJson from "../package.json" with { type: "json" };
import { buildIsCurrent } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const outDir = path.resolve(root, values.out);
const name = `bastion-${packageJson.version}`;
const tarball = path.join(outDir, `${name}-${process.platform}-${process.arch}.tar.gz`);
// What the running app reads: the build, the entry points' TypeScript, configuration.
const included = ["package.json", "package-lock.json", "next.config.mjs", "tsconfig.json", "proxy.ts", "prisma.config.ts", ".env.example", ".next", "app", "components", "lib", "scripts", "prisma", "public"];

process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`release:bundle: ${command} ${args.join(" ")} failed`);
    process.exit(1);
  }
}

// The build is reused when it is current (as `npm start` decides), otherwise made.
if (!buildIsCurrent(root)) run("npm", ["run", "build"], root);
const staging = mkdtempSync(path.join(os.tmpdir(), "bastion-bundle-"));
try {
  const app = path.join(staging, name);
  mkdirSync(app);
  for (const entry of included) {
    cpSync(path.join(root, entry), path.join(app, entry), {
      recursive: true,
      // Next.js's build cache and tests are not part of a release.
      filter: (source) => !source.startsWith(path.join(root, ".next", "cache")) && !source.endsWith(".test.ts"),
    });
  }
  run("npm", ["install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], app);
  mkdirSync(outDir, { recursive: true });
  if (existsSync(tarball)) rmSync(tarball);
  run("tar", ["-czf", tarball, "-C", staging, name], root);
  console.log(`release:bundle: ${path.relative(root, tarball)} (${(statSync(tarball).size / 1e6).toFixed(0)} MB)`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
