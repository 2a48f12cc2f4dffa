// One billing change per org at a time, across every process: customer creation,
// checkout, subscription sync and seat updates of an org run one after another.
// Server mode: a PostgreSQL advisory lock on a dedicated connection (lib/integrations/locks);
// single-process mode: one process runs everything, so an in-process queue per org is exact.
// No "server-only" marker: worker jobs take it.
import { mode } from "../env";
import { withLock } from "../integrations/locks";
import { processSingleton } from "../runtime";

const tails = () => processSingleton("billing:org-locks", () => new Map<string, Promise<unknown>>());

async function inProcess<T>(name: string, work: () => Promise<T>): Promise<T> {
  const previous = tails().get(name) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(work);
  const tail = run.catch(() => {});
  tails().set(name, tail);
  try {
    return await run;
  } finally {
    if (tails().get(name) === tail) tails().delete(name);
  }
}

export function withOrgBillingLock<T>(orgId: string, work: () => Promise<T>): Promise<T> {
  const name = `billing:${orgId}`;
  // Also in-process in server mode: concurrent requests of one process queue here instead
  // of each opening a lock connection.
  return inProcess(name, () => (mode() === "server" ? withLock(name, work, 30_000) : work()));
}
