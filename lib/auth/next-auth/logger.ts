// next-auth's log lines, through Bastion's logger. Its debug output (profiles, tokens)
// is never forwarded, and error messages are cut short of anything token-shaped: an
// OAuth error can quote a state, code or token it received.
import "server-only";
import type { LoggerInstance } from "next-auth";
import { logger } from "../../logger";

const TOKEN_SHAPED = /[A-Za-z0-9_\-.~+/=]{20,}/g;

function describe(value: unknown): Record<string, unknown> {
  const error = value instanceof Error ? value : (value as { error?: unknown } | undefined)?.error;
  const providerId = (value as { providerId?: unknown } | undefined)?.providerId;
  return {
    ...(typeof providerId === "string" ? { providerId } : {}),
    ...(error instanceof Error ? { type: error.name, message: error.message.replace(TOKEN_SHAPED, "[redacted]").slice(0, 300) } : {}),
  };
}

export const nextAuthLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    logger.warn({ code, ...describe(metadata) }, "sign-in provider error");
  },
  warn(code) {
    logger.warn({ code }, "next-auth warning");
  },
  debug() {},
};
