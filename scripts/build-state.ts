// Whether the production build in .next is current: present, and newer than every source
// it was built from. `npm start` builds when it is not; `npm run release:bundle` too.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIdFile(root: string): string {
  return path.join(root, ".next", "BUILD_ID");
}

export function buildIsCurrent(root: string): boolean {
  const buildId = buildIdFile(root);
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  const inputs = ["app", "components", "lib", "public"].map((dir) => path.join(root, dir)).filter(existsSync);
  const files = ["next.config.mjs", "proxy.ts", "package-lock.json", "prisma/schema.prisma"].map((file) => path.join(root, file)).filter(existsSync);
  const newest = Math.max(...inputs.map(newestSourceChange), ...files.map((file) => statSync(file).mtimeMs));
  return newest <= builtAt;
}
