// The validate step: params, query and body through the route's zod schemas.
import type { z } from "zod";
import { Invalid } from "../errors";
import { UNSAFE_TEXT_MESSAGE, findUnsafeText } from "../validation/text";
import { zodDetails } from "./errors";

export type RouteSchemas = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
};

export type Parsed<S extends RouteSchemas> = {
  params: S["params"] extends z.ZodType ? z.output<S["params"]> : Record<string, string>;
  query: S["query"] extends z.ZodType ? z.output<S["query"]> : Record<string, string | string[]>;
  body: S["body"] extends z.ZodType ? z.output<S["body"]> : undefined;
};

/** URLSearchParams as a plain object; a repeated key becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    // Own keys only, defined rather than assigned: `?__proto__=x` must stay an entry, not
    // make the object inherit from an array (whose `filter`, `values`, … a schema would read).
    const existing = Object.hasOwn(query, key) ? query[key] : undefined;
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(query, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return query;
}

export function validate<T>(schema: z.ZodType<T> | undefined, input: unknown, part: "params" | "query" | "body"): T {
  if (!schema) return input as T;
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new Invalid(`Invalid ${part}`, zodDetails(result.error).map((issue) => ({ ...issue, in: part })));
  }
  return result.data;
}

/**
 * Refuses NUL and unpaired surrogates anywhere in params, query or body before any of it
 * reaches the database (the org lookup by slug runs before the route's own schemas).
 */
export function assertSafeText(input: unknown, part: "params" | "query" | "body"): void {
  const path = findUnsafeText(input);
  if (path) throw new Invalid(`Invalid ${part}`, [{ path: path.join("."), message: UNSAFE_TEXT_MESSAGE, in: part }]);
}
