// Syncs against the GitHub stand-in: resources upserted and vanished ones deleted, one
// sync per connection at a time, the on-demand route and the job that runs it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { putSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { startProviderStandIns, type ProviderStandIns } from "../../testing/provider-stand-ins";
import { loadIntegrations } from "../connections/test-api";

let standIns: ProviderStandIns;
let load: Awaited<ReturnType<typeof loadIntegrations>>;

beforeAll(async () => {
  standIns = await startProviderStandIns();
  load = await loadIntegrations(standIns);
});
afterAll(() => standIns?.stop());

async function githubConnection() {
  const team = await orgWithMembers();
  const api = load.api(team.org.slug, { cookie: team.owner.cookie });
  const { body } = await api.connect({ provider: "github", method: "token", token: standIns.credentials.github.token });
  return { ...team, api, id: body.connection.id as string };
}

const resourcesOf = (connectionId: string) =>
  getDb().integrationResource.findMany({ where: { connectionId }, orderBy: { externalId: "asc" }, select: { kind: true, externalId: true, name: true, url: true } });

describeWith(["postgres", "redis"], "integration sync", () => {
  it("upserts what the provider lists, renames moved ones and deletes vanished ones", async () => {
    const { org, api, id } = await githubConnection();
    await getDb().integrationResource.createMany({
      data: [
        { orgId: org.id, connectionId: id, kind: "repository", externalId: "1296269", name: "octocat/old-name" },
        { orgId: org.id, connectionId: id, kind: "repository", externalId: "999", name: "octocat/deleted-repo" },
      ],
    });
    const outcome = await load.domain.sync.syncConnection(id);
    expect(outcome).toEqual({ status: "synced", resources: 3, removed: 1 });
    expect(await resourcesOf(id)).toEqual([
      { kind: "repository", externalId: "1296269", name: "octocat/Hello-World", url: "https://github.com/octocat/Hello-World" },
      { kind: "repository", externalId: "1296270", name: "octocat/Spoon-Knife", url: "https://github.com/octocat/Spoon-Knife" },
      { kind: "repository", externalId: "1296271", name: "octocat/linguist", url: "https://github.com/octocat/linguist" },
    ]);
    const connection = await getDb().integrationConnection.findUniqueOrThrow({ where: { id } });
    expect(connection.lastSyncedAt).not.toBeNull();

    // A second run changes nothing but the time seen.
    expect(await load.domain.sync.syncConnection(id)).toEqual({ status: "synced", resources: 3, removed: 0 });
    const listed = await api.resources(id, "?kind=repository");
    expect(listed.body.items.map((item: { name: string }) => item.name).sort()).toEqual(["octocat/Hello-World", "octocat/Spoon-Knife", "octocat/linguist"]);
    expect((await api.resources(id, "?kind=channel")).body.items).toEqual([]);
    expect((await api.resources(id, "?kind=nonsense")).status).toBe(422);
  });

  it("runs one sync per connection at a time: a concurrent one is skipped", async () => {
    const { id } = await githubConnection();
    // GitHub answers slowly, so the first sync still holds the lock when the second starts.
    standIns.inject("github", { delayMs: 1_000, path: "/user/repos" });
    const listingsBefore = standIns.servers.github.received.filter((request) => request.path === "/user/repos").length;
    const first = load.domain.sync.syncConnection(id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await load.domain.sync.syncConnection(id);
    expect(second).toEqual({ status: "skipped", reason: "locked" });
    expect(await first).toMatchObject({ status: "synced", resources: 3 });
    // Only one of them listed the repositories (two pages of the stand-in's three).
    expect(standIns.servers.github.received.filter((request) => request.path === "/user/repos").length - listingsBefore).toBe(2);

    // Held elsewhere (another worker): skipped until released.
    const release = await load.domain.lock.tryLock(`integrations.sync:${id}`);
    expect(await load.domain.sync.syncConnection(id)).toEqual({ status: "skipped", reason: "locked" });
    await release!();
    expect(await load.domain.sync.syncConnection(id)).toMatchObject({ status: "synced" });
  });

  it("queues an on-demand sync once while it waits, and the job syncs", async () => {
    const { api, id } = await githubConnection();
    // The connect's own first sync is done already (or not wanted here).
    await getDb().job.deleteMany({ where: { uniqueKey: `integrations.sync:${id}:connected` } });
    const queued = await api.sync(id);
    expect(queued.status).toBe(202);
    expect((await api.sync(id)).body.jobId).toBe(queued.body.jobId);
    const job = await getDb().job.findUniqueOrThrow({ where: { id: queued.body.jobId } });
    expect(job).toMatchObject({ task: "integrations.sync", payload: { connectionId: id }, status: "pending" });

    await load.domain.tasks.syncTask.run(job.payload as { connectionId: string }, { db: getDb(), jobId: job.id, attempt: 1, signal: new AbortController().signal });
    expect(await resourcesOf(id)).toHaveLength(3);
  });

  it("skips disabled and disconnected connections", async () => {
    const { api, id } = await githubConnection();
    await api.update(id, { status: "disabled" });
    expect(await load.domain.sync.syncConnection(id)).toEqual({ status: "skipped", reason: "disabled" });
    await api.disconnect(id);
    expect(await load.domain.sync.syncConnection(id)).toEqual({ status: "skipped", reason: "gone" });
  });

  // Last: the injected outage may outlast this test's retries.
  it("records a refusal on the connection without retrying, and retries a provider outage", async () => {
    const { org, id } = await githubConnection();
    const task = load.domain.tasks.syncTask;
    const context = { db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal };
    const dataKey = await systemSecretKey(org.id);
    await getDb().$transaction((tx) => putSystemSecrets(tx, dataKey, { orgId: org.id, scope: `integration:${id}`, values: { API_TOKEN: "github_pat_revoked_000000000000" }, actorUserId: null }));
    await expect(task.run({ connectionId: id }, context)).resolves.toBeUndefined();
    const refused = await getDb().integrationConnection.findUniqueOrThrow({ where: { id } });
    expect(refused.lastError).toMatch(/Bad credentials/);
    expect(refused.lastError).not.toContain("github_pat_revoked");
    expect(refused.lastSyncedAt).toBeNull();

    await getDb().$transaction((tx) => putSystemSecrets(tx, dataKey, { orgId: org.id, scope: `integration:${id}`, values: { API_TOKEN: standIns.credentials.github.token }, actorUserId: null }));
    standIns.inject("github", { status: 503, times: 20, path: "/user/repos" });
    await expect(task.run({ connectionId: id }, context)).rejects.toThrow(/github/);
  });
});
