// Runs next-auth's request handler on a web Request and returns a web Response.
// next-auth v4's App Router entry reads cookies and headers through next/headers, which
// exists only inside Next's request scope; its API-route entry takes plain req/res
// objects instead, so we drive that one. The same code then runs under `next start` and
// when tests call the route handler directly.
import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth/next";

type HeaderValue = string | string[];

/** The subset of NextApiResponse next-auth uses, collected into a Response. */
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Map<string, HeaderValue>();
  private body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: HeaderValue) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  send(body: unknown) {
    if (typeof body === "string") this.body = body;
    else if (body !== undefined && body !== null) this.json(body);
    return this;
  }
  json(body: unknown) {
    this.body = JSON.stringify(body);
    if (!this.headers.has("content-type")) this.headers.set("content-type", "application/json");
    return this;
  }
  end() {
    return this;
  }

  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    return new Response(this.body, { status: this.statusCode, headers });
  }
}

export type NextAuthInput = {
  method: string;
  segments: string[];
  query: Record<string, string>;
  body: Record<string, string> | undefined;
  cookies: Record<string, string>;
  headers: Record<string, string>;
};

export async function runNextAuth(input: NextAuthInput, options: AuthOptions): Promise<Response> {
  const req = {
    method: input.method,
    query: { ...input.query, nextauth: input.segments },
    body: input.body,
    cookies: input.cookies,
    headers: input.headers,
  };
  const res = new CollectedResponse();
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
  return res.toResponse();
}

/** Cookie header → name/value pairs (first occurrence wins, like browsers send them). */
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    if (name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      cookies[name] = part.slice(index + 1).trim();
    }
  }
  return cookies;
}
