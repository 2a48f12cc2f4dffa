// docker-compose.yml against what Bastion reads and runs: every variable of lib/env.ts
// and .env.example reaches the Bastion services, the values it sets pass lib/env.ts's own
// validation, each service's command is an entry-point command that runs a package.json
// script, and start-up order is gated on health and on the migration's success.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema, parseEnv } from "../lib/env";
import { entrypointCommands, exampleVariables } from "./image/entrypoint-commands";

const root = path.resolve(import.meta.dirname, "..");
type Service = {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  read_only?: boolean;
};
const compose = parse(readFileSync(path.join(root, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const bastionServices = ["migrate", "web", "worker"] as const;

/** Compose's interpolation as `docker compose config` does it, with the given .env values. */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind: string | undefined, fallback: string | undefined) => {
    const set = dotenv[name];
    if (set) return set;
    if (kind === "?") throw new Error(`${name} is required: ${fallback}`);
    return kind === "-" ? (fallback ?? "") : "";
  });
}

const secrets = { POSTGRES_PASSWORD: "compose-test-password", AUTH_SECRET: "a".repeat(44), BASTION_MASTER_KEYS: `v1:${Buffer.alloc(32, 7).toString("base64")}` };

describe("docker-compose.yml", () => {
  it("runs PostgreSQL 16 and Redis 7 with health checks and named volumes", () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:16\b/);
    expect(compose.services.redis?.image).toMatch(/^redis:7\b/);
    for (const name of ["postgres", "redis"]) expect(compose.services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
    const named = Object.keys(compose.volumes);
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) expect(named).toContain(volume.split(":")[0]);
    }
  });

  it("passes every variable of lib/env.ts and .env.example to web, worker and migrate", () => {
    const expected = new Set([...Object.keys(envSchema.shape), ...exampleVariables(readFileSync(path.join(root, ".env.example"), "utf8"))]);
    for (const name of bastionServices) {
      const missing = [...expected].filter((variable) => !(variable in (compose.services[name]?.environment ?? {})));
      expect(missing, name).toEqual([]);
    }
  });

  it("sets values that lib/env.ts accepts as server mode, and refuses to start without the secrets", () => {
    const environment = compose.services.web!.environment!;
    const resolved = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, interpolate(String(value), secrets)]));
    const env = parseEnv(resolved);
    expect(env.DATABASE_URL).toBe("postgresql://bastion:compose-test-password@postgres:5432/bastion");
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    expect(env.AUTH_SECRET).toBe(secrets.AUTH_SECRET);
    expect(env.BASTION_MIGRATE_ON_START).toBe(false);
    expect(env.BASTION_BUILD_ON_START).toBe(false);
    expect(() => interpolate(String(environment.AUTH_SECRET), {})).toThrow(/AUTH_SECRET is required/);
    expect(() => interpolate(String(environment.DATABASE_URL), {})).toThrow(/POSTGRES_PASSWORD is required/);
  });

  it("runs the image's commands for npm run db:migrate, npm start and npm run worker", () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const commands = entrypointCommands(readFileSync(path.join(root, "deploy/image/entrypoint.sh"), "utf8"));
    const expected = { migrate: "db:migrate", web: "start", worker: "worker" } as const;
    for (const name of bastionServices) {
      const command = compose.services[name]!.command![0]!;
      expect(command).toBe(name);
      expect(commands[command], name).toBe(scripts[expected[name]]);
      expect(compose.services[name]!.read_only).toBe(true);
    }
  });

  it("starts web and worker only after healthy services and a successful migration", () => {
    expect(compose.services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const name of ["web", "worker"]) {
      expect(compose.services[name]!.depends_on).toEqual({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
        migrate: { condition: "service_completed_successfully" },
      });
    }
  });
});
