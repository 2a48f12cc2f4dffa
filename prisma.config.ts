// Prisma CLI configuration. Only `prisma generate` runs here (offline, see
// scripts/prisma-generate.mjs); migrations are applied by scripts/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
