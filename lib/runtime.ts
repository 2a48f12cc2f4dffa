// Process-wide state shared by the start script and the Next.js server bundle. Both
// load their own copy of lib/, so the state lives on globalThis under one symbol.
import type { EmbeddedPostgres } from "./embedded-postgres";

type RuntimeState = {
  embeddedPostgres?: EmbeddedPostgres;
};

const KEY = Symbol.for("bastion.runtime");
const holder = globalThis as unknown as { [KEY]?: RuntimeState };

export function runtimeState(): RuntimeState {
  holder[KEY] ??= {};
  return holder[KEY];
}

/** A per-process singleton that survives duplicate module copies (bundle vs. scripts). */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`bastion.singleton.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  store[key] ??= create();
  return store[key];
}

export function clearProcessSingleton(name: string): void {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`bastion.singleton.${name}`)];
}
