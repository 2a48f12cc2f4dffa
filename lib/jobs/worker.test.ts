import { expect, it } from "vitest";
import { getDb } from "../db";
import { metrics } from "../metrics/registry";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { claimJobs, enqueue, redeliver } from "./queue";
import { defineTask } from "./tasks";
import { runWorker } from "./worker";

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startWorkers(count: number, options: { defaultLockMs?: number; drainMs?: number } = {}) {
  const stop = new AbortController();
  const loops = Array.from({ length: count }, (_, index) =>
    runWorker({ signal: stop.signal, name: `test-${index}`, concurrency: 4, pollIntervalMs: 50, ...options }),
  );
  return async () => {
    stop.abort();
    await Promise.all(loops);
  };
}

const jobsOf = (task: string) => getDb().job.findMany({ where: { task }, orderBy: { createdAt: "asc" } });

describeWith(["postgres"], "durable jobs", () => {
  it("enqueues with the transaction that needs the job, or not at all", async () => {
    const task = `test.tx.${uniqueSuffix()}`;
    await expect(
      getDb().$transaction(async (tx) => {
        await enqueue(tx, task, { n: 1 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await getDb().$transaction(async (tx) => {
      await enqueue(tx, task, { n: 2 });
    });
    expect((await jobsOf(task)).map((job) => job.payload)).toEqual([{ n: 2 }]);
  });

  it("keeps at most one job per unique key", async () => {
    const task = `test.unique.${uniqueSuffix()}`;
    const first = await enqueue(getDb(), task, {}, { uniqueKey: `${task}:day-1` });
    const second = await enqueue(getDb(), task, {}, { uniqueKey: `${task}:day-1` });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await jobsOf(task)).toHaveLength(1);
  });

  it("runs every job exactly once across several workers", async () => {
    const task = `test.many.${uniqueSuffix()}`;
    const runs = new Map<number, number>();
    defineTask<{ n: number }>({
      name: task,
      async run({ n }) {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
    for (let n = 0; n < 60; n++) await enqueue(getDb(), task, { n });
    const stop = startWorkers(3);
    await until(async () => (await getDb().job.count({ where: { task, status: "succeeded" } })) === 60);
    await stop();
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("retries a failing job with backoff and dead-letters it after its attempts, keeping the error", async () => {
    const task = `test.failing.${uniqueSuffix()}`;
    let calls = 0;
    defineTask({
      name: task,
      async run() {
        calls++;
        throw new Error(`upstream answered 503 (call ${calls})`);
      },
    });
    await enqueue(getDb(), task, {}, { maxAttempts: 3 });
    const stop = startWorkers(1);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(async () => (await jobsOf(task))[0]!.attempts === attempt && (await jobsOf(task))[0]!.status !== "running");
      const [job] = await jobsOf(task);
      if (attempt < 3) {
        expect(job!.status).toBe("pending");
        // Backoff: the retry is scheduled in the future (5 s ± 50 % after the first failure).
        expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 1_000);
        await getDb().job.update({ where: { id: job!.id }, data: { runAt: new Date() } });
      }
    }
    await stop();
    const [dead] = await jobsOf(task);
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lastError: "upstream answered 503 (call 3)" });
    expect(calls).toBe(3);
    // Each failed attempt is counted for /api/metrics, by task and outcome.
    const failures = (await metrics().jobFailures.get()).values.filter((value) => value.labels.task === task);
    expect(failures.map(({ labels, value }) => [labels.outcome, value]).sort()).toEqual([
      ["dead", 1],
      ["retry", 2],
    ]);

    expect(await redeliver(getDb(), dead!.id)).toBe(true);
    expect((await jobsOf(task))[0]).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("retries a job whose worker died once its lock expires", async () => {
    const task = `test.crash.${uniqueSuffix()}`;
    let completions = 0;
    defineTask({
      name: task,
      async run() {
        completions++;
      },
    });
    const id = await enqueue(getDb(), task, {});
    // A worker claims the job and dies without finishing it.
    const [claimed] = await claimJobs(getDb(), "dead-worker", 100, 300).then((jobs) => jobs.filter((job) => job.id === id));
    expect(claimed).toBeDefined();
    const stop = startWorkers(1, { defaultLockMs: 300 });
    await until(async () => (await jobsOf(task))[0]!.status === "succeeded");
    await stop();
    expect(completions).toBe(1);
    expect((await jobsOf(task))[0]!.attempts).toBe(2);
  });

  it("tells the task when a job is dead-lettered, also when its worker died during the last attempt", async () => {
    const task = `test.dead-hook.${uniqueSuffix()}`;
    const dead: { payload: unknown; error: string }[] = [];
    let runs = 0;
    defineTask<{ n: number }>({
      name: task,
      maxAttempts: 1,
      async run() {
        runs++;
      },
      async onDead(payload, { error }) {
        dead.push({ payload, error });
      },
    });
    const id = await enqueue(getDb(), task, { n: 7 }, { maxAttempts: 1 });
    // The only attempt is claimed by a worker that dies: the next claim finds it spent.
    await claimJobs(getDb(), "dead-worker", 100, 300).then((jobs) => expect(jobs.some((job) => job.id === id)).toBe(true));
    const stop = startWorkers(1, { defaultLockMs: 300 });
    await until(async () => (await jobsOf(task))[0]!.status === "dead");
    await until(async () => dead.length === 1);
    await stop();
    expect(runs).toBe(0);
    expect(dead).toEqual([{ payload: { n: 7 }, error: "the worker running this job stopped before it finished" }]);
  });

  it("lets running jobs finish when it stops", async () => {
    const task = `test.graceful.${uniqueSuffix()}`;
    let finished = false;
    defineTask({
      name: task,
      async run() {
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    });
    await enqueue(getDb(), task, {});
    const stop = startWorkers(1);
    await until(async () => (await jobsOf(task))[0]!.status === "running");
    await stop();
    expect(finished).toBe(true);
    expect((await jobsOf(task))[0]!.status).toBe("succeeded");
  });

  it("hands a job that outlasts the drain back to the queue, unattempted, and another worker runs it", async () => {
    const task = `test.release.${uniqueSuffix()}`;
    let runs = 0;
    let aborted = false;
    defineTask({
      name: task,
      async run(_payload, { signal }) {
        runs += 1;
        if (runs > 1) return;
        await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
        aborted = true;
        throw new Error("aborted");
      },
    });
    await enqueue(getDb(), task, {});
    const stop = startWorkers(1, { drainMs: 200 });
    await until(async () => (await jobsOf(task))[0]!.status === "running");
    const started = Date.now();
    await stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(aborted).toBe(true);
    expect((await jobsOf(task))[0]).toMatchObject({ status: "pending", attempts: 0, lockedBy: null, lastError: null });
    const stopNext = startWorkers(1);
    await until(async () => (await jobsOf(task))[0]!.status === "succeeded");
    await stopNext();
    expect(runs).toBe(2);
  });
});
