// Runs `prisma generate` offline. Prisma 7's client is Rust-free, but the CLI still
// insists on locating a schema-engine binary it never uses for `generate`; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at a stub executable satisfies that check without a download.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const stubDir = join(root, "node_modules", ".cache", "bastion");
const stub = join(stubDir, "schema-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine is not available offline; use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}

const result = spawnSync(join(root, "node_modules", ".bin", "prisma"), ["generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
