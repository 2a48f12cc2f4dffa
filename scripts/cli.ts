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
