// A plain HTTP client for the scale test that can pick its source address (127.0.0.x),
// so each check has its own per-IP rate-limit bucket behind nginx (TRUST_PROXY=1), and
// that tells which web process answered (nginx's X-Bastion-Upstream header).
import http from "node:http";

export type Answer = { status: number; upstream: string; body: string; headers: http.IncomingHttpHeaders };

export type Call = { method?: string; path: string; body?: string; headers?: Record<string, string>; from?: string; port: number };

/** nginx lists every upstream it tried ("a, b" after a failover); the last one answered. */
function lastUpstream(header: string | string[] | undefined): string {
  return String(header ?? "").split(",").at(-1)!.trim();
}

export function call({ method = "GET", path, body, headers = {}, from, port }: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path, localAddress: from, agent: false, headers: { ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, upstream: lastUpstream(response.headers["x-bastion-upstream"]), body: Buffer.concat(chunks).toString(), headers: response.headers }),
        );
        response.on("error", reject);
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}
