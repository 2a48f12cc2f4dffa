// Usage counts not yet in PostgreSQL. In server mode they live in one Redis hash
// (`usage:pending`, field `<orgId>|<YYYY-MM-DDTHH>`: per UTC hour, for metering; fields of
// a whole day, `<orgId>|<YYYY-MM-DD>`, written before hours were counted, still flush), incremented by the rate-limit script in
// the same round trip); without Redis (single-process mode, or while Redis is down) in
// this process's memory. The flush job (lib/usage/flush.ts) moves both to PostgreSQL.
import { processSingleton } from "../runtime";

export const PENDING_USAGE_KEY = "usage:pending";

export function usageField(orgId: string, now = new Date()): string {
  return `${orgId}|${now.toISOString().slice(0, 13)}`;
}

/** `hour`: the start of the UTC hour counted, or null for a whole-day field. */
export function parseUsageField(field: string): { orgId: string; day: string; hour: Date | null } | null {
  const [orgId, when] = field.split("|");
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}))?$/.exec(when ?? "");
  if (!orgId || !match) return null;
  return { orgId, day: match[1]!, hour: match[2] ? new Date(`${match[1]}T${match[2]}:00:00Z`) : null };
}

const memory = () => processSingleton("usage:pending-memory", () => ({ counts: new Map<string, number>() }));

export function countInMemory(field: string, by = 1): void {
  const store = memory().counts;
  store.set(field, (store.get(field) ?? 0) + by);
}

/** Takes this process's counts, leaving an empty map (what is taken is the caller's to save or give back). */
export function takeMemoryUsage(): Map<string, number> {
  const holder = memory();
  const taken = holder.counts;
  holder.counts = new Map();
  return taken;
}

export function giveBackMemoryUsage(counts: Map<string, number>): void {
  for (const [field, count] of counts) countInMemory(field, count);
}
