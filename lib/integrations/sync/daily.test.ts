// The daily sync-all: one sync job per active connection per UTC day, however often it runs.
import { expect, it } from "vitest";
import { getDb } from "../../db";
import { taskNamed } from "../../jobs/tasks";
import { describeWith } from "../../testing/describe";
import { createOrg } from "../../testing/org-fixtures";
import { enqueueDailySyncs } from "./daily";
import { SYNC_TASK } from "./enqueue";
import "./tasks";

const connection = (orgId: string, status: "active" | "disabled" = "active") =>
  getDb().integrationConnection.create({ data: { orgId, provider: "github", method: "token", name: "octo", status } });

const syncJobsOf = (connectionId: string) => getDb().$queryRaw<{ uniqueKey: string }[]>`
  SELECT "uniqueKey" FROM "Job" WHERE task = ${SYNC_TASK} AND payload->>'connectionId' = ${connectionId} ORDER BY "uniqueKey"`;

describeWith(["postgres"], "daily sync-all", () => {
  it("is a recurring daily task", () => {
    expect(taskNamed("integrations.sync-all")).toMatchObject({ every: "day" });
    expect(taskNamed(SYNC_TASK)).toMatchObject({ maxAttempts: 3 });
  });

  it("enqueues one sync per active connection per day, none for disabled ones", async () => {
    const [first, second] = [await createOrg(), await createOrg()];
    const a = await connection(first.id);
    const b = await connection(second.id);
    const off = await connection(first.id, "disabled");
    const monday = new Date("2031-03-03T01:00:00Z");

    await enqueueDailySyncs(getDb(), monday);
    await enqueueDailySyncs(getDb(), new Date("2031-03-03T23:59:00Z"));
    expect(await syncJobsOf(a.id)).toEqual([{ uniqueKey: `${SYNC_TASK}:${a.id}:2031-03-03` }]);
    expect(await syncJobsOf(b.id)).toHaveLength(1);
    expect(await syncJobsOf(off.id)).toEqual([]);

    await enqueueDailySyncs(getDb(), new Date("2031-03-04T00:00:01Z"));
    expect((await syncJobsOf(a.id)).map((job) => job.uniqueKey)).toEqual([`${SYNC_TASK}:${a.id}:2031-03-03`, `${SYNC_TASK}:${a.id}:2031-03-04`]);
  });
});
