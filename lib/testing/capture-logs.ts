// Captures this process's structured logs in memory, for tests that assert what is
// (and is not) logged.
import { Writable } from "node:stream";
import { createLogger } from "../logger";

export type CapturedLogs = { entries(): Record<string, unknown>[]; text(): string; clear(): void };

export function captureLogs(): CapturedLogs {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  // Replaces the process-wide logger that lib/logger.ts hands out.
  (globalThis as Record<symbol, unknown>)[Symbol.for("bastion.singleton.logger")] = createLogger(sink, "trace");
  return {
    text: () => chunks.join(""),
    entries: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      chunks.length = 0;
    },
  };
}
