// The per-connection sync lock: a second holder is refused until the first releases,
// across connections to the database (advisory lock) and within one process.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { advisoryKey, tryAdvisoryLock, tryInProcessLock } from "./locks";

describeWith(["postgres"], "sync lock", () => {
  it("holds a PostgreSQL advisory lock on its own connection until released", async () => {
    const name = `test-lock:${uniqueSuffix()}`;
    const first = await tryAdvisoryLock(name);
    expect(first).not.toBeNull();
    expect(await tryAdvisoryLock(name)).toBeNull();
    // Another name is another lock.
    const other = await tryAdvisoryLock(`${name}:other`);
    expect(other).not.toBeNull();
    await other!();

    // The pool is not involved: its connections see the lock held by another session.
    const [held] = await getDb().$queryRaw<{ held: boolean }[]>`SELECT pg_try_advisory_xact_lock(${advisoryKey(name)}::bigint) AS held`;
    expect(held!.held).toBe(false);

    await first!();
    const again = await tryAdvisoryLock(name);
    expect(again).not.toBeNull();
    await again!();
  });

  it("is released by PostgreSQL when the holding connection dies", async () => {
    const name = `test-lock:${uniqueSuffix()}`;
    const release = await tryAdvisoryLock(name);
    expect(release).not.toBeNull();
    const key = BigInt(advisoryKey(name));
    // The worker holding it is killed: its backend goes away.
    const classid = Number(BigInt.asUintN(32, key >> 32n));
    const objid = Number(BigInt.asUintN(32, key));
    await getDb().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = ${classid}::oid AND objid = ${objid}::oid`;
    let next = null;
    for (let attempt = 0; attempt < 50 && !next; attempt++) {
      next = await tryAdvisoryLock(name);
      if (!next) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(next).not.toBeNull();
    await next!();
    await release!();
  });
});

it("holds an in-process lock (single-process mode) until released", async () => {
  const name = `test-lock:${uniqueSuffix()}`;
  const first = await tryInProcessLock(name);
  expect(first).not.toBeNull();
  expect(await tryInProcessLock(name)).toBeNull();
  await first!();
  expect(await tryInProcessLock(name)).not.toBeNull();
});
