// `describe` for suites that need real services: skipped, with the reason in its name,
// when a service is missing (the global setup already failed the run if REQUIRE_SERVICES=1).
import { describe, inject } from "vitest";
import type { Service } from "./services";

const available: Record<Service, boolean> = {
  postgres: inject("databaseUrl") !== null,
  redis: inject("redisUrl") !== null,
};

export function describeWith(services: Service[], name: string, body: () => void): void {
  const missing = services.filter((service) => !available[service]);
  const label = missing.length > 0 ? `${name} [needs ${missing.join(", ")}]` : name;
  describe.skipIf(missing.length > 0)(label, body);
}

export function testDatabaseUrl(): string {
  const url = inject("databaseUrl");
  if (!url) throw new Error("this suite needs PostgreSQL; wrap it in describeWith(['postgres'], …)");
  return url;
}

export function testPostgresAdminUrl(): string {
  const url = inject("postgresAdminUrl");
  if (!url) throw new Error("this suite needs PostgreSQL; wrap it in describeWith(['postgres'], …)");
  return url;
}

export function testRedisUrl(): string {
  const url = inject("redisUrl");
  if (!url) throw new Error("this suite needs Redis; wrap it in describeWith(['redis'], …)");
  return url;
}
