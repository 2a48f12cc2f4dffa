// A local HTTP server that stands in for a PostHog host, so tests use the real
// posthog-node client and assert on what it would send: the decoded batches (gzip or
// plain) and their events.
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

export type CapturedEvent = { event: string; distinct_id: string; properties: Record<string, unknown> };

export type PostHogCapture = {
  /** The origin to give as POSTHOG_HOST. */
  host: string;
  /** Every event received so far, in order. */
  events(): CapturedEvent[];
  /** The decoded request bodies joined, for asserting what never leaves (emails, names). */
  raw(): string;
  /** How many batches arrived. */
  batchCount(): number;
  clear(): void;
  close(): Promise<void>;
};

export async function startPostHogCapture(): Promise<PostHogCapture> {
  let batches: { raw: string; events: CapturedEvent[] }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const raw = (request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
      batches.push({ raw, events: (JSON.parse(raw) as { batch?: CapturedEvent[] }).batch ?? [] });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    host: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    events: () => batches.flatMap((batch) => batch.events),
    raw: () => batches.map((batch) => batch.raw).join("\n"),
    batchCount: () => batches.length,
    clear: () => {
      batches = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
