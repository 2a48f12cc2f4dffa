// Telemetry gating and content: nothing is created without a key (or with
// BASTION_TELEMETRY=0), opted-out users send nothing, and events carry ids only. A local
// HTTP server stands in for the PostHog host, so the real posthog-node client is used.
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { call } from "../testing/http";
import { describeWith } from "../testing/describe";
import { orgWithMembers, signedInUser, uniqueSuffix } from "../testing/fixtures";
import { startPostHogCapture, type PostHogCapture } from "../testing/posthog";

let posthog: PostHogCapture;
let host: string;

beforeAll(async () => {
  posthog = await startPostHogCapture();
  host = posthog.host;
});

afterAll(() => posthog.close());

async function load(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return {
    telemetry: await import("./server"),
    config: await import("./config"),
    headers: await import("../security/headers"),
    orgsRoute: (await import("@/app/api/v1/orgs/route")).POST,
    inviteRoute: (await import("@/app/api/v1/orgs/[slug]/invitations/route")).POST,
  };
}

afterEach(async () => {
  const { telemetry } = await load({});
  await telemetry.shutdownTelemetry();
  vi.unstubAllEnvs();
  posthog.clear();
});

const events = () => posthog.events();

describeWith(["postgres"], "telemetry", () => {
  it("creates no client, sends nothing and allows no analytics host in the CSP without a key", async () => {
    const { telemetry, config, headers } = await load({ POSTHOG_KEY: "", POSTHOG_HOST: host });
    const { user } = await signedInUser();
    telemetry.track("org created", { userId: user.id, orgId: "org1" });
    await telemetry.flushTelemetry();
    expect(telemetry.hasTelemetryClient()).toBe(false);
    expect(config.telemetryOrigins()).toEqual([]);
    expect(headers.pageContentSecurityPolicy({ nonce: "n", dev: false, https: false, analyticsOrigins: config.telemetryOrigins() })).toContain(
      "connect-src 'self';",
    );
    expect(posthog.batchCount()).toBe(0);
  });

  it("stays off with BASTION_TELEMETRY=0 even with a key", async () => {
    const { telemetry, config } = await load({ POSTHOG_KEY: "phc_testkey123", POSTHOG_HOST: host, BASTION_TELEMETRY: "0" });
    const { user } = await signedInUser();
    telemetry.track("org created", { userId: user.id });
    await telemetry.flushTelemetry();
    expect(telemetry.hasTelemetryClient()).toBe(false);
    expect(config.telemetryConfig()).toBeNull();
    expect(posthog.batchCount()).toBe(0);
  });

  it("sends ids only, never emails, names or slugs, when an org is created", async () => {
    const { telemetry, config, orgsRoute } = await load({ POSTHOG_KEY: "phc_testkey123", POSTHOG_HOST: host });
    expect(config.telemetryOrigins()).toEqual([host]);
    const { user, cookie } = await signedInUser({ name: "Telly Metry" });
    const slug = `telemetry-${uniqueSuffix()}`;
    const created = await call(orgsRoute, "POST", "/api/v1/orgs", { cookie, body: { name: "Secret Project Name", slug } });
    expect(created.status).toBe(201);
    await telemetry.flushTelemetry();
    const event = events().find((candidate) => candidate.event === "org created");
    expect(event).toMatchObject({ distinct_id: user.id, properties: { userId: user.id, orgId: created.body.id } });
    const raw = posthog.raw();
    for (const forbidden of [user.email, "Telly Metry", "Secret Project Name", slug]) expect(raw).not.toContain(forbidden);
  });

  it("sends the invitation's ids when a member is invited, never the invitee's address", async () => {
    const { telemetry, inviteRoute } = await load({ POSTHOG_KEY: "phc_testkey123", POSTHOG_HOST: host });
    const { org, owner } = await orgWithMembers([]);
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const path = `/api/v1/orgs/${org.slug}/invitations`;
    const created = await call(inviteRoute, "POST", path, { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "email", email } });
    expect(created.status).toBe(201);
    await telemetry.flushTelemetry();
    const event = events().find((candidate) => candidate.event === "member invited");
    expect(event?.properties).toMatchObject({ userId: owner.user.id, orgId: org.id, invitationId: created.body.id });
    const raw = posthog.raw();
    for (const forbidden of [email, owner.user.email, org.slug, org.name]) expect(raw).not.toContain(forbidden);
  });

  it("drops non-id properties and sends nothing about a user who opted out", async () => {
    const { telemetry } = await load({ POSTHOG_KEY: "phc_testkey123", POSTHOG_HOST: host });
    const { user } = await signedInUser();
    const sneaky = { userId: user.id, orgId: "org_1", email: user.email, inviteeId: "not an id@example.com" } as never;
    telemetry.track("member invited", sneaky);
    await telemetry.flushTelemetry();
    expect(events().map((event) => event.properties)).toEqual([expect.not.objectContaining({ email: expect.anything() })]);
    expect(events()[0]!.properties).not.toHaveProperty("inviteeId");
    expect(events()[0]!.properties).toMatchObject({ userId: user.id, orgId: "org_1" });

    posthog.clear();
    const { user: optedOut, cookie } = await signedInUser();
    const { PATCH } = await import("@/app/api/v1/account/route");
    expect((await call(PATCH, "PATCH", "/api/v1/account", { cookie, body: { telemetryOptOut: true } })).body.account.telemetryOptOut).toBe(true);
    telemetry.track("org created", { userId: optedOut.id, orgId: "org_2" });
    await telemetry.flushTelemetry();
    expect(events()).toEqual([]);
  });
});
