// Strings from outside (path ids, query values, JSON bodies) that PostgreSQL can store:
// text columns refuse NUL ("invalid byte sequence 0x00", which used to surface as a 500),
// and an unpaired UTF-16 surrogate has no UTF-8 form, so it would be stored mangled.
// Domain schemas build their strings from `text()`; the pipeline also checks every
// param, query value and body string with `findUnsafeText` so no route can forget.
import { z } from "zod";

export const UNSAFE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";

// With the u flag, a well-formed pair is one code point, so only lone halves match.
const UNSAFE = /[\u0000\p{Surrogate}]/u;

export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** z.string() that refuses NUL and unpaired surrogates; chain .trim(), .min(), .max() as usual. */
export function text() {
  return z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/** An id in a path (`[secretId]`, `[connectionId]`, …): 1 to 64 safe characters. */
export function idParam() {
  return text().min(1).max(64);
}

type Frame = { value: unknown; key?: string | number; parent?: Frame };

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.unshift(at.key!);
  return path;
}

/**
 * The path (`["items", 3, "name"]`) of the first unsafe string in a parsed JSON value,
 * keys included, or null. Iterative, with parent links instead of copied paths: a body
 * nested 10,000 levels deep must neither overflow the stack nor cost quadratic memory.
 */
export function findUnsafeText(value: unknown): (string | number)[] | null {
  const stack: Frame[] = [{ value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const current = frame.value;
    if (typeof current === "string") {
      if (!isSafeText(current)) return pathOf(frame);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) stack.push({ value: current[index], key: index, parent: frame });
    } else if (current !== null && typeof current === "object") {
      for (const [key, child] of Object.entries(current)) {
        if (!isSafeText(key)) return [...pathOf(frame), key];
        stack.push({ value: child, key, parent: frame });
      }
    }
  }
  return null;
}
