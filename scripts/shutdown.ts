// Stopping a process without dropping work in flight: the first SIGTERM/SIGINT starts a
// drain (stop accepting, let requests or jobs in flight finish, up to a deadline); a
// repeated signal does not exit at once, it only cuts the drain down to a bounded minimum.
import type http from "node:http";

/** What a repeated signal still leaves requests or jobs in flight. */
export const HURRIED_DRAIN_MS = 3_000;
/** After a repeated signal the process exits by then even if stopping hangs (a closed pool, a stuck hook). */
const HURRIED_EXIT_MS = HURRIED_DRAIN_MS + 5_000;

/** A drain's deadline, which can be moved closer but never further. `null` ms: none until shortened. */
export class DrainDeadline {
  readonly reached: Promise<void>;
  private reach!: () => void;
  private timer: NodeJS.Timeout | undefined;
  private at = Infinity;

  constructor(ms: number | null) {
    this.reached = new Promise((resolve) => (this.reach = resolve));
    if (ms !== null) this.shorten(ms);
  }

  /** Makes the deadline at most `ms` from now; returns the milliseconds left. */
  shorten(ms: number): number {
    const at = Date.now() + ms;
    if (at < this.at) {
      this.at = at;
      clearTimeout(this.timer);
      this.timer = setTimeout(this.reach, ms);
      this.timer.unref();
    }
    return Math.max(0, this.at - Date.now());
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** Stops accepting connections, waits for requests in flight until the deadline, then closes what is left. */
export async function drainServer(server: http.Server, deadline: DrainDeadline): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, deadline.reached]);
  server.closeAllConnections();
}

/**
 * Runs `stop` once on SIGTERM/SIGINT, then exits (0, or 1 if stopping failed). A repeated
 * signal calls `hurry` (which shortens the drain, see DrainDeadline) and makes sure the
 * process is gone within HURRIED_EXIT_MS; it never drops requests in flight at once.
 */
export function onShutdownSignal(stop: (signal: string) => Promise<void>, hurry: (signal: string) => void): void {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) {
        hurry(signal);
        setTimeout(() => process.exit(1), HURRIED_EXIT_MS).unref();
        return;
      }
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (error) => {
          console.error(`bastion: error while stopping: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    });
  }
}
