// Structured JSON logs (pino). Credentials are redacted by path as a second line of
// defence; the first is never passing them to the logger at all.
import pino from "pino";
import { env } from "./env";
import { processSingleton } from "./runtime";

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
];

function instance(): pino.Logger {
  return processSingleton("logger", () =>
    pino({
      level: env().LOG_LEVEL,
      base: { service: "bastion" },
      redact: { paths: redactPaths, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    }),
  );
}

/**
 * Created on first use, after the environment has been validated, so importing a
 * module that logs never fails on a bad LOG_LEVEL before the start script can say so.
 */
export const logger: pino.Logger = new Proxy({} as pino.Logger, {
  get(_, property) {
    const target = instance();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
