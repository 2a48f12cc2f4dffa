// Who may reach the bare benchmark routes (/api/bench/*): they skip authentication and
// read any org's data, so they exist only under BASTION_BENCH=1 (which lib/env.ts
// refuses in production without a second, loudly named variable) and only for a caller
// on this machine. Anyone else gets the 404 of an unknown path.
import "server-only";
import { isIP } from "node:net";
import { env } from "../env";
import { isSafeText } from "../validation/text";

/** The headers a reverse proxy uses to name the client it forwards for. */
const PROXY_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "x-client-ip", "true-client-ip", "cf-connecting-ip"];

/** Strips brackets, ports and IPv4-mapped prefixes: "[::1]:80" → "::1", "127.0.0.1:9" → "127.0.0.1". */
function bareAddress(raw: string): string {
  let value = raw.trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  return value.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

export function isLoopbackAddress(raw: string): boolean {
  const address = bareAddress(raw);
  if (isIP(address) === 4) return address.startsWith("127.");
  return isIP(address) === 6 && address === "::1";
}

/** Every client address the proxy headers name ("Forwarded: for=…" included). */
function forwardedAddresses(headers: Headers): string[] {
  const addresses: string[] = [];
  for (const name of PROXY_HEADERS) {
    const value = headers.get(name);
    if (value === null) continue;
    if (name === "forwarded") {
      const fors = [...value.matchAll(/for=("[^"]*"|[^;,\s]*)/gi)].map((match) => match[1]!);
      // A Forwarded header we cannot read names nobody we can vouch for.
      addresses.push(...(fors.length > 0 ? fors : [value]));
    } else {
      addresses.push(...value.split(","));
    }
  }
  return addresses;
}

/**
 * Whether this request may use a bench route: the benchmark mode is on, the socket's
 * peer (set by scripts/start.ts, which overwrites any incoming copy) is loopback, and no
 * proxy header says the request came from further away.
 */
export function benchRequestAllowed(request: Request): boolean {
  if (!env().BASTION_BENCH) return false;
  const peer = request.headers.get("x-bastion-client-ip");
  if (!peer || !isLoopbackAddress(peer)) return false;
  return forwardedAddresses(request.headers).every(isLoopbackAddress);
}

export function benchNotFound(): Response {
  return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
}

/**
 * A query value the bare route may hand to PostgreSQL, or null: NUL or a lone surrogate
 * would make the query throw, and a bare route has no pipeline to turn that into a 4xx.
 */
export function benchQueryValue(request: Request, name: string): string | null {
  const value = new URL(request.url).searchParams.get(name) ?? "";
  return isSafeText(value) ? value : null;
}

export function benchInvalid(name: string): Response {
  return Response.json({ error: { code: "invalid_request", message: `Invalid ${name}` } }, { status: 422 });
}
