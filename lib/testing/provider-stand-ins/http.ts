// The plumbing every provider stand-in shares: a node:http server on loopback, parsed
// requests, a log of what arrived, and injectable faults (answer 429 with Retry-After,
// a 5xx, or a slow answer, a chosen number of times) to exercise retries and timeouts.
// Plain Node only (no lib/env, no server-only): the browser tests' global setup loads it.
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type StandInRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The parsed JSON body, or {} when it is not JSON. */
  json(): Record<string, unknown>;
  /** The form-encoded body (or JSON read as a form, for endpoints that accept both). */
  form(): URLSearchParams;
  /** The Authorization header's credential: { scheme: "bearer", value }. */
  auth(): { scheme: string; value: string } | null;
};

export type StandInReply = { status: number; body?: unknown; headers?: Record<string, string> };

export type Fault = {
  /** Answer this status instead (omit to answer normally after `delayMs`). */
  status?: number;
  retryAfter?: number | string;
  /** Wait this long before answering (a slow provider, for timeouts). */
  delayMs?: number;
  /** How many matching requests it applies to; default 1. */
  times?: number;
  /** Only requests whose path includes this. */
  path?: string;
};

export type ReceivedRequest = { method: string; path: string; query: string; at: Date };

export type StandInServer = {
  url: string;
  received: ReceivedRequest[];
  inject(fault: Fault): void;
  close(): Promise<void>;
};

export type Handler = (request: StandInRequest) => StandInReply | Promise<StandInReply>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandInReply => ({ status, body, headers });

export async function startStandInServer(handler: Handler, options: { port?: number } = {}): Promise<StandInServer> {
  const faults: (Fault & { left: number })[] = [];
  const received: ReceivedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in");
    const request = parse(req.method ?? "GET", url, req.headers, Buffer.concat(chunks));
    received.push({ method: request.method, path: request.path, query: url.search, at: new Date() });
    const fault = faults.find((candidate) => candidate.left > 0 && (!candidate.path || request.path.includes(candidate.path)));
    if (fault) fault.left -= 1;
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    const reply = fault?.status ? faultReply(fault) : await safely(handler, request);
    const isText = typeof reply.body === "string";
    const headers = { "content-type": isText ? "text/html; charset=utf-8" : "application/json; charset=utf-8", ...reply.headers };
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined ? undefined : isText ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function faultReply(fault: Fault): StandInReply {
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
  return { status: fault.status!, body: { message: `stand-in fault ${fault.status}` }, headers };
}

async function safely(handler: Handler, request: StandInRequest): Promise<StandInReply> {
  try {
    return await handler(request);
  } catch (error) {
    return json(500, { message: `stand-in error: ${(error as Error).message}` });
  }
}

function parse(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer): StandInRequest {
  const text = body.toString("utf8");
  const isJson = String(headers["content-type"] ?? "").includes("json");
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    json: () => {
      try {
        return isJson && text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    },
    form: () => (isJson ? new URLSearchParams(Object.entries(JSON.parse(text || "{}") as Record<string, string>)) : new URLSearchParams(text)),
    auth: () => {
      const match = /^(\w+)\s+(.+)$/.exec(String(headers.authorization ?? ""));
      return match ? { scheme: match[1]!.toLowerCase(), value: match[2]! } : null;
    },
  };
}
