import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, envSchema, parseEnv } from "./env";

const secret = "0123456789abcdef0123456789abcdef";

function problemsOf(raw: Record<string, string>): string[] {
  try {
    parseEnv(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected the environment to be refused");
}

describe("parseEnv", () => {
  it("defaults to single-process settings when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.BASTION_DATA_DIR).toBe(".data");
    expect(env.BASTION_MIGRATE_ON_START).toBe(true);
  });

  it("accepts server mode with both PostgreSQL and Redis", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/app", REDIS_URL: "redis://cache:6379", AUTH_SECRET: secret });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db:5432/app");
  });

  it("names the variable and what it expects, without echoing the value", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://user:hunter2@db/app" });
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL: expected a postgresql:\/\//)]);
    expect(problems.join(" ")).not.toContain("hunter2");
  });

  it("refuses server mode without Redis unless explicitly allowed", () => {
    expect(problemsOf({ DATABASE_URL: "postgresql://db/app" })[0]).toMatch(/^REDIS_URL: required in server mode/);
    expect(parseEnv({ DATABASE_URL: "postgresql://db/app", BASTION_ALLOW_NO_REDIS: "1", AUTH_SECRET: secret }).REDIS_URL).toBeUndefined();
  });

  it("requires a strong AUTH_SECRET in server mode", () => {
    const server = { DATABASE_URL: "postgresql://db/app", REDIS_URL: "redis://cache:6379" };
    expect(problemsOf(server)[0]).toMatch(/^AUTH_SECRET: required in server mode/);
    expect(problemsOf({ ...server, AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET: expected at least 32 characters/);
  });

  it("takes instance SSO settings all together or not at all", () => {
    expect(problemsOf({ OIDC_ISSUER: "https://idp.example.com" })[0]).toMatch(/^OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET:/);
    expect(parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }).OIDC_CLIENT_ID).toBe("a");
  });

  it("validates master keys and the Vault settings of the KMS", () => {
    const key = Buffer.alloc(32, 9).toString("base64");
    expect(parseEnv({ BASTION_MASTER_KEYS: `v1:${key}, v2:${key}` }).BASTION_KMS).toBe("local");
    expect(problemsOf({ BASTION_MASTER_KEYS: "v1:short" })[0]).toMatch(/^BASTION_MASTER_KEYS: expected comma-separated/);
    expect(problemsOf({ BASTION_MASTER_KEYS: key })[0]).not.toContain(key);
    expect(problemsOf({ BASTION_KMS: "vault" })[0]).toMatch(/^VAULT_ADDR, VAULT_TOKEN: required/);
    expect(parseEnv({ BASTION_KMS: "vault", VAULT_ADDR: "https://vault:8200", VAULT_TOKEN: "t" }).VAULT_TRANSIT_KEY).toBe("bastion");
  });

  it("refuses the benchmark mode in production unless the operator says they understand", () => {
    const [problem, ...rest] = problemsOf({ BASTION_BENCH: "1" });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^BASTION_BENCH: refused in production .*BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA=1/);
    expect(problemsOf({ NODE_ENV: "production", BASTION_BENCH: "true", BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: "0" })).toHaveLength(1);
    expect(parseEnv({ BASTION_BENCH: "1", BASTION_BENCH_I_UNDERSTAND_THIS_EXPOSES_DATA: "1" }).BASTION_BENCH).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", BASTION_BENCH: "1" }).BASTION_BENCH).toBe(true);
  });

  it("refuses Redis without a database", () => {
    expect(problemsOf({ REDIS_URL: "redis://cache:6379" })[0]).toMatch(/^DATABASE_URL: required when REDIS_URL is set/);
  });

  it("treats empty values as unset and rejects out-of-range numbers", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
    expect(problemsOf({ PORT: "70000" })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL:/);
  });
});

describe("environment access", () => {
  const root = path.resolve(import.meta.dirname, "..");

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
    });
  }

  it("reads process.env only in lib/env.ts (the test harness aside)", () => {
    const allowed = new Set([
      path.join(root, "lib/env.ts"),
      // The install hook runs before dependencies are usable and only forwards the env to Prisma.
      path.join(root, "scripts/prisma-generate.mjs"),
      // The test runner configures its child processes (test harness, like lib/testing).
      path.join(root, "scripts/test.ts"),
    ]);
    const rootFiles = readdirSync(root).filter((name) => /^(proxy|instrumentation)\.ts$/.test(name)).map((name) => path.join(root, name));
    const offenders = ["app", "components", "lib", "scripts"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .concat(rootFiles)
      // CI scripts (scripts/ci) and the scale test (scripts/scale) configure the containers and
      // processes they test, like lib/testing.
      .filter((file) => !allowed.has(file) && !["lib/testing", "scripts/ci", "scripts/scale"].some((dir) => file.startsWith(path.join(root, dir))))
      .filter((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          // Entry points may set variables for child processes; reading is what is forbidden.
          .some((line) => /process\.env\b/.test(line) && !/process\.env\.[A-Z_]+\s*=[^=]/.test(line)),
      )
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});

describe("documentation of the environment", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const variables = Object.keys(envSchema.shape);

  it("documents every variable in .env.example and the README", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(variables.filter((name) => !new RegExp(`^#? ?${name}=`, "m").test(example))).toEqual([]);
    expect(variables.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
