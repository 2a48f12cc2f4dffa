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

export function createLogger(destination?: pino.DestinationStream, level: string = env().LOG_LEVEL): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "bastion" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

function instance(): pino.Logger {
  return processSingleton("logger", () => createLogger());
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
