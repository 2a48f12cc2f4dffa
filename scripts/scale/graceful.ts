// SIGTERM under load: deliveries whose body is still arriving when the signal comes
// must all be answered 202; the process must stop accepting at once and exit 0; and
// traffic through nginx meanwhile must see no failure (the other process takes it).
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { call } from "./client";
import { exited } from "./processes";
import type { Tally } from "./tally";
import type { Signed } from "./webhooks";

type Ctx = { tally: Tally; nginxPort: number; webPort: number; web: ChildProcess; path: string; signed: Signed };

/** Sends the headers and half the body now; the rest when `finish` is called. */
function halfSent(port: number, path: string, body: string, headers: Record<string, string>) {
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const answer = new Promise<number>((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path, agent: false, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode!));
    });
    request.on("error", () => resolve(0));
    request.write(body.slice(0, half));
    finish = () => request.end(body.slice(half));
  });
  return { answer, finish: () => finish() };
}

export async function checkGracefulStop(ctx: Ctx, inFlight: number): Promise<void> {
  const requests = Array.from({ length: inFlight }, (_, index) => halfSent(ctx.webPort, ctx.path, ctx.signed.body, ctx.signed.headers(`drain-${index}`)));
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // every request accepted and reading its body

  // Background traffic through nginx for the whole shutdown.
  let stopLoad = false;
  const load = { sent: 0, failed: 0 };
  const loader = (async () => {
    while (!stopLoad) {
      const answer = await call({ port: ctx.nginxPort, path: "/api/health" }).catch(() => null);
      load.sent += 1;
      if (answer?.status !== 200) load.failed += 1;
    }
  })();

  const signalled = Date.now();
  ctx.web.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  const refused = await call({ port: ctx.webPort, path: "/api/health" }).then(
    () => false,
    () => true,
  );
  for (const request of requests) request.finish();
  const statuses = await Promise.all(requests.map((request) => request.answer));
  const code = await exited(ctx.web, 30_000);
  const stoppedMs = Date.now() - signalled;
  stopLoad = true;
  await loader;

  const answered = statuses.filter((status) => status === 202).length;
  ctx.tally.check(`SIGTERM lets ${inFlight} in-flight requests finish`, answered === inFlight, `${answered} answered 202, ${inFlight - answered} failed (statuses ${[...new Set(statuses)].join(",")})`);
  ctx.tally.check("SIGTERM stops accepting at once and exits 0", refused && code === 0, `new connection ${refused ? "refused" : "accepted"} 300 ms after the signal; exit code ${code} after ${stoppedMs} ms`);
  ctx.tally.check("traffic through nginx sees no failure while a process stops", load.failed === 0 && load.sent > 0, `${load.sent} requests, ${load.failed} failed`);
}
