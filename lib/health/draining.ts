// Whether this process is shutting down. Set first thing on SIGTERM (scripts/start.ts),
// so readiness answers 503 at once and a load balancer stops sending new requests while
// the ones in flight finish. Process-wide: the start script and the Next bundle each
// load their own copy of lib/.
import { processSingleton } from "../runtime";

const state = () => processSingleton("draining", () => ({ since: null as number | null }));

export function startDraining(): void {
  state().since ??= Date.now();
}

export function isDraining(): boolean {
  return state().since !== null;
}
