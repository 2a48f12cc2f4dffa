// Calling the auth route handlers from tests as a browser would: JSON body, our Origin,
// a client IP of the test's choosing (so tests do not share rate-limit buckets) and the
// cookie the browser holds. Also reads the token out of an emailed link.
import { randomInt } from "node:crypto";
import type { ReceivedMail } from "./mailbox";
import { linkIn } from "./mailbox";
import { waitForTestMail } from "./mail";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = { ip?: string; cookie?: string; origin?: string | null; requestId?: string };

/** A random address in 10.0.0.0/8: a fresh rate-limit bucket for one test. */
export function testIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function postJson(handler: Handler, path: string, body: unknown, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "vitest" };
  if (options.origin !== null) headers.origin = options.origin ?? "http://localhost:3000";
  if (options.ip) headers["x-bastion-client-ip"] = options.ip;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.requestId) headers["x-request-id"] = options.requestId;
  return handler(new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
}

/** The browser cookie (name=value) a Set-Cookie header sets. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie");
  if (!header) throw new Error("no Set-Cookie in the response");
  return header.split(";")[0]!;
}

export function tokenIn(mail: ReceivedMail, path: string): string {
  const token = new URL(linkIn(mail, path)).searchParams.get("token");
  if (!token) throw new Error(`the ${path} link in "${mail.subject}" has no token`);
  return token;
}

export async function emailedToken(to: string, subject: RegExp, path: string, since?: number): Promise<string> {
  return tokenIn(await waitForTestMail(to, { subject, since }), path);
}

/** Status and body of a response, for comparing two answers (same request id given to both). */
export async function answerOf(response: Response): Promise<{ status: number; body: string }> {
  return { status: response.status, body: await response.text() };
}
