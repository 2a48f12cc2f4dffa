// Shared start-up handling for the command-line entry points: configuration and
// start-up failures end the process with one line and a non-zero code, not a stack trace.
import { StartupError } from "../lib/boot";
import { EnvError } from "../lib/env";

export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof EnvError || error instanceof StartupError) {
    console.error(`bastion: ${error.message}`);
    process.exit(1);
  }
  console.error(`bastion: unexpected start-up failure: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
}

/** Runs `stop` once on SIGTERM/SIGINT; a second signal forces the exit. */
export function onShutdownSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
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
