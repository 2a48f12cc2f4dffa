// The GitHub App's one webhook URL, /api/webhooks/github, through the route handler against
// the run's PostgreSQL and Redis: deliveries signed with GITHUB_APP_WEBHOOK_SECRET are routed
// by installation id to the org that connected the installation and stored as on the
// per-connection URL; unknown installations are acknowledged and only counted; an
// uninstall disables the connection in the transaction that stores it.
import { beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { createTestConnection } from "../../testing/integration-fixtures";
import { createOrg } from "../../testing/org-fixtures";
import { githubExample, githubHeaders } from "../../testing/signed-webhooks";
import { presentConnection } from "../connections/present";
import { PROCESS_DELIVERY_TASK } from "./store";
import { deliveriesWithId, ignoredCount, loadAppWebhookRoutes, uniqueInstallationId } from "./test-app-webhooks";
import { postWebhook, refusalCount, storedFor } from "./test-webhooks";

const APP_SECRET = "github-app-webhook-secret-0123";
const CONNECTION_SECRET = "whsec-connection-0123456789";

let routes: Awaited<ReturnType<typeof loadAppWebhookRoutes>>;
beforeAll(async () => {
  routes = await loadAppWebhookRoutes({ github: APP_SECRET });
});

async function installed(installationId = uniqueInstallationId()) {
  const org = await createOrg();
  const connection = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: CONNECTION_SECRET }, { method: "app", externalId: String(installationId) });
  return { org, connection, installationId };
}

function pushFor(installationId: number): string {
  return JSON.stringify({ ...githubExample("push"), installation: { id: installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" } });
}

const uuid = () => crypto.randomUUID();

describeWith(["postgres", "redis"], "GitHub App webhook URL", () => {
  it("routes a signed delivery to the org that connected its installation, with its job, and answers 202", async () => {
    const [a, b] = [await installed(), await installed()];
    const deliveryId = uuid();
    const body = pushFor(b.installationId);
    const answer = await routes.postGithub(body, githubHeaders(body, APP_SECRET, { deliveryId }));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 202, body: { received: true } });

    expect(await storedFor(a.connection.id)).toEqual({ deliveries: [], jobs: [] });
    const { deliveries, jobs } = await storedFor(b.connection.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ orgId: b.org.id, provider: "github", deliveryId, eventType: "push", action: null, status: "pending", payload: JSON.parse(body) });
    expect(deliveries[0]!.headers).toMatchObject({ "x-hub-signature-256": "[redacted]" });
    expect(jobs.map((job) => [job.task, job.id])).toEqual([[PROCESS_DELIVERY_TASK, deliveries[0]!.jobId]]);
    expect((await getDb().integrationConnection.findUniqueOrThrow({ where: { id: b.connection.id } })).lastDeliveryAt).not.toBeNull();

    // The other installation's delivery goes to the other org.
    const other = pushFor(a.installationId);
    expect((await routes.postGithub(other, githubHeaders(other, APP_SECRET))).status).toBe(202);
    expect((await storedFor(a.connection.id)).deliveries.map((delivery) => delivery.orgId)).toEqual([a.org.id]);
  });

  it("answers a redelivery 200 and stores it once; the same id at the connection's own URL is the same delivery", async () => {
    const { connection, installationId } = await installed();
    const body = pushFor(installationId);
    const headers = githubHeaders(body, APP_SECRET, { deliveryId: uuid() });
    expect((await routes.postGithub(body, headers)).status).toBe(202);
    const replay = await routes.postGithub(body, headers);
    expect({ status: replay.status, body: replay.json }).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const own = await postWebhook("github", connection.id, body, githubHeaders(body, CONNECTION_SECRET, { deliveryId: headers["x-github-delivery"] }));
    expect(own.status).toBe(200);
    const { deliveries, jobs } = await storedFor(connection.id);
    expect([deliveries.length, jobs.length]).toEqual([1, 1]);
  });

  it("acknowledges a delivery for an installation no org has connected with 202, storing nothing but a count", async () => {
    const before = await ignoredCount("github", "no_connection");
    const deliveryId = uuid();
    const body = pushFor(uniqueInstallationId());
    const answer = await routes.postGithub(body, githubHeaders(body, APP_SECRET, { deliveryId }));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 202, body: { received: true } });
    // The App's own ping (no installation in the payload) likewise.
    const ping = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, hook: { type: "App", app_id: 1 } });
    expect((await routes.postGithub(ping, githubHeaders(ping, APP_SECRET, { event: "ping", deliveryId }))).status).toBe(202);
    expect(await deliveriesWithId(deliveryId)).toEqual([]);
    expect(await ignoredCount("github", "no_connection")).toBe(before + 2);
  });

  it("answers 401 to a delivery it cannot verify, counting it and storing nothing", async () => {
    const { connection, installationId } = await installed();
    const body = pushFor(installationId);
    const before = await refusalCount("github", "bad_signature");
    // Signed with the connection's secret instead of the App's, and with a forged one.
    for (const secret of [CONNECTION_SECRET, "forged-secret"]) {
      const answer = await routes.postGithub(body, githubHeaders(body, secret));
      expect({ status: answer.status, body: answer.json }).toEqual({
        status: 401,
        body: { error: { code: "unauthorized", message: "The webhook could not be verified", requestId: expect.any(String) } },
      });
    }
    const { "x-hub-signature-256": _, ...unsigned } = githubHeaders(body, APP_SECRET);
    expect((await routes.postGithub(body, unsigned)).status).toBe(401);
    expect(await refusalCount("github", "bad_signature")).toBe(before + 2);
    expect(await storedFor(connection.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("disables the connection when the App is uninstalled, in the transaction storing the delivery, audited as the system", async () => {
    const { org, connection, installationId } = await installed();
    const body = JSON.stringify({ ...githubExample("installation", "deleted"), installation: { ...(githubExample("installation", "deleted").installation as object), id: installationId } });
    const deliveryId = uuid();
    const answer = await routes.postGithub(body, githubHeaders(body, APP_SECRET, { event: "installation", deliveryId }));
    expect(answer.status).toBe(202);

    const row = await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toMatchObject({ status: "disabled", lastError: expect.stringContaining("uninstalled"), lastErrorAt: expect.any(Date) });
    expect((await storedFor(connection.id)).deliveries.map((delivery) => [delivery.deliveryId, delivery.eventType, delivery.action])).toEqual([[deliveryId, "installation", "deleted"]]);
    const audit = await getDb().auditEvent.findMany({ where: { orgId: org.id, action: "integration.disabled", targetId: connection.id } });
    expect(audit).toMatchObject([{ actorId: null, actorType: "system", metadata: { provider: "github", reason: "installation.deleted", deliveryId } }]);

    // Disabled now: the App's next delivery is acknowledged and counted, the connection's own URL answers 410.
    const before = await ignoredCount("github", "disabled");
    const push = pushFor(installationId);
    expect((await routes.postGithub(push, githubHeaders(push, APP_SECRET))).status).toBe(202);
    expect(await ignoredCount("github", "disabled")).toBe(before + 1);
    expect((await postWebhook("github", connection.id, push, githubHeaders(push, CONNECTION_SECRET))).status).toBe(410);
    expect((await storedFor(connection.id)).deliveries).toHaveLength(1);
  });

  it("leaves the connection active when the uninstall delivery cannot be stored (one transaction): 400", async () => {
    const { connection, installationId } = await installed();
    const example = githubExample("installation", "deleted");
    // Valid JSON that PostgreSQL's jsonb refuses (a NUL): the insert fails inside the transaction.
    const body = JSON.stringify({ ...example, installation: { ...(example.installation as object), id: installationId }, note: "a\u0000b" });
    const answer = await routes.postGithub(body, githubHeaders(body, APP_SECRET, { event: "installation" }));
    expect({ status: answer.status, code: (answer.json as { error: { code: string } }).error.code }).toEqual({ status: 400, code: "bad_request" });
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: connection.id } })).toMatchObject({ status: "active", lastError: null });
    expect(await storedFor(connection.id)).toEqual({ deliveries: [], jobs: [] });
    expect(await getDb().auditEvent.count({ where: { targetId: connection.id } })).toBe(0);
  });

  it("disables on a suspension too, and an admin's disabled connection is only told why", async () => {
    const suspended = await installed();
    const suspend = (id: number) => JSON.stringify({ ...githubExample("installation", "suspend"), installation: { ...(githubExample("installation", "suspend").installation as object), id } });
    const body = suspend(suspended.installationId);
    expect((await routes.postGithub(body, githubHeaders(body, APP_SECRET, { event: "installation" }))).status).toBe(202);
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: suspended.connection.id } })).toMatchObject({ status: "disabled", lastError: expect.stringContaining("suspended") });

    const org = await createOrg();
    const installationId = uniqueInstallationId();
    const off = await createTestConnection(org.id, "github", {}, { method: "app", externalId: String(installationId), status: "disabled" });
    const offBody = suspend(installationId);
    expect((await routes.postGithub(offBody, githubHeaders(offBody, APP_SECRET, { event: "installation" }))).status).toBe(202);
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: off.id } })).toMatchObject({ status: "disabled", lastError: expect.stringContaining("suspended") });
    expect(await storedFor(off.id)).toEqual({ deliveries: [], jobs: [] });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "integration.disabled" } })).toBe(0);
  });

  it("enables again on unsuspend the connection its suspension disabled, audited, never one an admin disabled", async () => {
    const installation = (action: string, id: number) => JSON.stringify({ ...githubExample("installation", action), installation: { ...(githubExample("installation", action).installation as object), id } });
    const post = (body: string) => routes.postGithub(body, githubHeaders(body, APP_SECRET, { event: "installation", deliveryId: uuid() }));
    const suspended = await installed();
    expect((await post(installation("suspend", suspended.installationId))).status).toBe(202);
    expect((await post(installation("unsuspend", suspended.installationId))).status).toBe(202);
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: suspended.connection.id } })).toMatchObject({ status: "active", lastError: null });
    expect(await getDb().auditEvent.count({ where: { targetId: suspended.connection.id, action: "integration.enabled", actorType: "system" } })).toBe(1);
    expect((await storedFor(suspended.connection.id)).deliveries.map((delivery) => delivery.action)).toEqual(expect.arrayContaining(["suspend", "unsuspend"]));
    // Events flow again.
    const push = pushFor(suspended.installationId);
    expect((await routes.postGithub(push, githubHeaders(push, APP_SECRET))).status).toBe(202);
    expect((await storedFor(suspended.connection.id)).deliveries).toHaveLength(3);

    const org = await createOrg();
    const installationId = uniqueInstallationId();
    const byAdmin = await createTestConnection(org.id, "github", {}, { method: "app", externalId: String(installationId), status: "disabled" });
    expect((await post(installation("unsuspend", installationId))).status).toBe(202);
    expect(await getDb().integrationConnection.findUniqueOrThrow({ where: { id: byAdmin.id } })).toMatchObject({ status: "disabled" });
    expect(await storedFor(byAdmin.id)).toEqual({ deliveries: [], jobs: [] });
    expect(await getDb().auditEvent.count({ where: { targetId: byAdmin.id } })).toBe(0);
  });

  it("reaches only GitHub App connections: a token connection with the same external id is not addressed", async () => {
    const org = await createOrg();
    const installationId = uniqueInstallationId();
    const token = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: CONNECTION_SECRET }, { method: "token", externalId: String(installationId) });
    const body = pushFor(installationId);
    expect((await routes.postGithub(body, githubHeaders(body, APP_SECRET))).status).toBe(202);
    expect(await storedFor(token.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("answers 413 to an oversized body before verifying it", async () => {
    const { connection, installationId } = await installed();
    const body = pushFor(installationId);
    const answer = await routes.postGithub(body, { ...githubHeaders(body, APP_SECRET), "content-length": String(100 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(await storedFor(connection.id)).toEqual({ deliveries: [], jobs: [] });
  });

  it("shows the App's URL as the webhook URL of App connections, the connection's own for token ones", async () => {
    const { connection } = await installed();
    expect(presentConnection(connection).webhookUrl).toBe("http://localhost:3000/api/webhooks/github");
    const token = await createTestConnection(connection.orgId, "github", {}, { method: "token" });
    expect(presentConnection(token).webhookUrl).toBe(`http://localhost:3000/api/webhooks/github/${token.id}`);
  });

  it("does not exist without GITHUB_APP_WEBHOOK_SECRET: 404, nothing stored", async () => {
    const unconfigured = await loadAppWebhookRoutes({});
    const { connection, installationId } = await installed();
    const body = pushFor(installationId);
    const answer = await unconfigured.postGithub(body, githubHeaders(body, APP_SECRET));
    expect({ status: answer.status, code: (answer.json as { error: { code: string } }).error.code }).toEqual({ status: 404, code: "not_found" });
    expect(await storedFor(connection.id)).toEqual({ deliveries: [], jobs: [] });
  });
});
