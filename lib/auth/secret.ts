// AUTH_SECRET, or in single-process mode a secret generated once into the data directory.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env, mode } from "../env";
import { logger } from "../logger";
import { processSingleton } from "../runtime";

export function authSecret(): string {
  return processSingleton("auth-secret", () => {
    const configured = env().AUTH_SECRET;
    if (configured) return configured;
    if (mode() === "server") throw new Error("AUTH_SECRET is required in server mode");
    const file = path.join(dataDir(), "auth-secret");
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    const generated = randomBytes(32).toString("base64url");
    writeFileSync(file, `${generated}\n`, { mode: 0o600 });
    logger.warn({ file }, "AUTH_SECRET is not set: generated one into the data directory (keep it with the data)");
    return generated;
  });
}
