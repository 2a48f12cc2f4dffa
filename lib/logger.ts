// Structured JSON logs (pino). Credentials are redacted by path as a second line of
// defence; the first is never passing them to the logger at all.
import pino from "pino";
import { env } from "./env";

const redactPaths = [
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
];

const globalForLogger = globalThis as unknown as { __bastionLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.__bastionLogger ??= pino({
  level: env().LOG_LEVEL,
  base: { service: "bastion" },
  redact: { paths: redactPaths, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
}));
