// Reading untrusted webhook JSON: every accessor answers null (or []) for a missing or
// mistyped field instead of throwing, so a provider adding or dropping a field never
// breaks normalization.
// No "server-only" marker: the worker (plain Node) loads the normalizers.

type Key = string | number;

export function field(value: unknown, ...path: Key[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<Key, unknown>)[key];
  }
  return current;
}

/** A non-empty string (numbers too, as text). */
export function text(value: unknown, ...path: Key[]): string | null {
  const found = field(value, ...path);
  if (typeof found === "string") return found.length > 0 ? found : null;
  if (typeof found === "number" && Number.isFinite(found)) return String(found);
  return null;
}

export function bool(value: unknown, ...path: Key[]): boolean {
  return field(value, ...path) === true;
}

export function list(value: unknown, ...path: Key[]): unknown[] {
  const found = field(value, ...path);
  return Array.isArray(found) ? found : [];
}

/** An ISO date string, or seconds / milliseconds since the epoch. */
export function date(value: unknown, ...path: Key[]): Date | null {
  const found = field(value, ...path);
  let parsed: Date | null = null;
  if (typeof found === "string" && found.length > 0) parsed = /^\d+(\.\d+)?$/.test(found) ? fromEpoch(Number(found)) : new Date(found);
  else if (typeof found === "number") parsed = fromEpoch(found);
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

/** Seconds, milliseconds or microseconds (Slack's event_time), told apart by magnitude. */
function fromEpoch(value: number): Date {
  if (value < 1e11) return new Date(value * 1000);
  return new Date(value < 1e14 ? value : value / 1000);
}

/** The first non-null of the candidates. */
export function first<T>(...candidates: (T | null | undefined)[]): T | null {
  for (const candidate of candidates) if (candidate !== null && candidate !== undefined) return candidate;
  return null;
}

/** One line of at most `max` characters (titles and messages can be long and multi-line). */
export function oneLine(value: string | null, max = 120): string | null {
  if (value === null) return null;
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** `verb` words for the summary: "review_requested" → "review requested". */
export function words(value: string | null): string {
  return (value ?? "").replace(/[_:]+/g, " ").trim();
}
