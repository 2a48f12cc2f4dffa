// Plan quotas with billing on, through the real routes: a Free org at each limit is
// refused with 402 naming the limit, the use and the plan that lifts it; two concurrent
// creations at the limit: one wins. Seat changes reach the Stripe subscription quantity.
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as acceptInvitationRoute } from "@/app/api/v1/invitations/accept/route";
import { POST as inviteRoute } from "@/app/api/v1/orgs/[slug]/invitations/route";
import { POST as createSecretRoute } from "@/app/api/v1/orgs/[slug]/secrets/route";
import { hashToken, randomToken } from "../auth/tokens";
import { getDb } from "../db";
import { assertIntegrationQuota } from "../integrations/quota";
import { jobsOf } from "./test-jobs";
import { describeWith } from "../testing/describe";
import { orgWithMembers, signedInUser } from "../testing/fixtures";
import { call } from "../testing/http";
import { createTestConnection } from "../testing/integration-fixtures";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { createTestApiKey } from "../testing/api-key-fixtures";
import { forgetMonthUsage, nextMonthStart } from "./api-quota";
import { PLANS } from "./plans";
import { syncSeats } from "./seat-sync";
import { SYNC_SEATS_TASK } from "./seats";
import { checkoutAs, deliver, sessionIdOf, startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

const FREE = PLANS.free.entitlements;

async function fillSecrets(orgId: string, count: number) {
  await getDb().secret.createMany({ data: Array.from({ length: count }, (_, index) => ({ orgId, scope: "org", key: `FILLER_${index}` })) });
}

describeWith(["postgres", "redis"], "plan quotas", () => {
  it("refuses a secret beyond the Free quota with 402 and the details; two concurrent creations at the limit: one wins", async () => {
    const { org, owner } = await orgWithMembers();
    await fillSecrets(org.id, FREE.secrets - 1);
    const create = (key: string) => call(createSecretRoute as never, "POST", `/api/v1/orgs/${org.slug}/secrets`, { cookie: owner.cookie, params: { slug: org.slug }, body: { key, value: "v" } });
    const answers = await Promise.all([create("RACE_A"), create("RACE_B")]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 402]);
    const refused = answers.find((answer) => answer.status === 402)!;
    expect(refused.body.error).toMatchObject({ code: "quota_exceeded", details: { limit: "secrets", allowed: FREE.secrets, used: FREE.secrets, plan: "Free", upgradeTo: "Team" } });
    expect(refused.body.error.message).toMatch(/Upgrade to Team/);
    expect(await getDb().secret.count({ where: { orgId: org.id, deletedAt: null } })).toBe(FREE.secrets);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.quota_refused" } })).toBe(1);
  });

  it("refuses an integration connection beyond the quota inside the creating transaction", async () => {
    const { org } = await orgWithMembers();
    for (let index = 0; index < FREE.integrations; index++) await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" });
    await expect(getDb().$transaction((tx) => assertIntegrationQuota(tx, org.id))).rejects.toMatchObject({ code: "quota_exceeded", details: { limit: "integrations", used: FREE.integrations } });
  });

  it("refuses an invitation beyond the seats (members + pending invitations), and an acceptance beyond them", async () => {
    const { org, owner } = await orgWithMembers(["member"]);
    const invite = (email: string) => call(inviteRoute as never, "POST", `/api/v1/orgs/${org.slug}/invitations`, { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "email", email } });
    expect((await invite("third@example.test")).status).toBe(201);
    const refused = await invite("fourth@example.test");
    expect(refused.status).toBe(402);
    expect(refused.body.error.details).toMatchObject({ limit: "seats", allowed: FREE.seats, used: FREE.seats, upgradeTo: "Team" });

    // A link invitation reserves no seat; accepting it when the seats are taken is refused.
    const token = randomToken();
    await getDb().invitation.create({ data: { orgId: org.id, kind: "link", allowedDomains: ["example.test"], role: "member", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) } });
    const filler = await signedInUser();
    await getDb().membership.create({ data: { orgId: org.id, userId: filler.user.id, role: "member" } });
    const joiner = await signedInUser();
    const accepted = await call(acceptInvitationRoute as never, "POST", "/api/v1/invitations/accept", { cookie: joiner.cookie, body: { token } });
    expect(accepted.status).toBe(402);
    expect(await getDb().membership.count({ where: { orgId: org.id } })).toBe(FREE.seats);
  });

  it("refuses SSO set-up and a longer audit retention than the plan keeps with 402; lowering retention is allowed", async () => {
    const { org, owner } = await orgWithMembers();
    const { PUT } = await import("@/app/api/v1/orgs/[slug]/sso/route");
    const sso = await call(PUT as never, "PUT", `/api/v1/orgs/${org.slug}/sso`, { cookie: owner.cookie, params: { slug: org.slug }, body: { issuer: "https://idp.example.test", clientId: "bastion", clientSecret: "secret-value-123", enforceForDomains: false } });
    expect(sso.status).toBe(402);
    expect(sso.body.error.details).toMatchObject({ limit: "sso", plan: "Free", upgradeTo: "Enterprise" });
    expect(await getDb().ssoConnection.count({ where: { orgId: org.id } })).toBe(0);

    const { PATCH } = await import("@/app/api/v1/orgs/[slug]/route");
    // A retention set before the plan applied is kept, and saving other settings with it is not refused.
    const stored = await getDb().organization.update({ where: { id: org.id }, data: { auditRetentionDays: 365 } });
    const rename = await call(PATCH as never, "PATCH", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { name: "Renamed Co", auditRetentionDays: stored.auditRetentionDays } });
    expect(rename.status).toBe(200);
    const longer = await call(PATCH as never, "PATCH", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { auditRetentionDays: 90 } });
    expect(longer.status).toBe(402);
    expect(longer.body.error.details).toMatchObject({ limit: "auditRetentionDays", allowed: FREE.auditRetentionDays, upgradeTo: "Team" });
    const allowed = await call(PATCH as never, "PATCH", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { auditRetentionDays: 30 } });
    expect(allowed.status).toBe(200);
  });

  it("answers 429 quota_exceeded with the reset time and Retry-After once the month's API requests are used up", async () => {
    const { org, owner } = await orgWithMembers();
    const { authorization } = await createTestApiKey(org.id, owner.user.id, ["org:read"]);
    const { GET } = await import("@/app/api/v1/orgs/[slug]/route");
    const get = () => call(GET as never, "GET", `/api/v1/orgs/${org.slug}`, { params: { slug: org.slug }, headers: { authorization } });
    expect((await get()).status).toBe(200);
    const today = new Date(new Date().toISOString().slice(0, 10));
    await getDb().apiUsage.create({ data: { orgId: org.id, day: today, count: FREE.apiRequestsPerMonth } });
    forgetMonthUsage(org.id);
    const refused = await get();
    expect(refused.status).toBe(429);
    const resetsAt = nextMonthStart(new Date());
    expect(refused.body.error).toMatchObject({ code: "quota_exceeded", details: { limit: "apiRequestsPerMonth", allowed: FREE.apiRequestsPerMonth, used: FREE.apiRequestsPerMonth, upgradeTo: "Team", resetsAt: resetsAt.toISOString() } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(Math.ceil((resetsAt.getTime() - Date.now()) / 1000) + 1);
  });

  it("sets the subscription quantity to the members at Stripe; a removal queues an immediate sync", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const started = await checkoutAs(owner.cookie, org.slug);
    const events = standIn.completeCheckout(sessionIdOf(started.body.url));
    await deliver(standIn, events);
    const subscriptionId = String(events[1]!.data.object.id);
    const quantity = () => (standIn.state.subscriptions.get(subscriptionId)!.items as { data: { quantity: number }[] }).data[0]!.quantity;
    expect(quantity()).toBe(2);
    for (let index = 0; index < 3; index++) {
      const user = await signedInUser();
      await getDb().membership.create({ data: { orgId: org.id, userId: user.user.id, role: "member" } });
    }
    expect(await syncSeats(org.id)).toBe("updated");
    expect(quantity()).toBe(5);
    expect(await syncSeats(org.id)).toBe("unchanged");
    expect(await getDb().subscription.findUniqueOrThrow({ where: { orgId: org.id } })).toMatchObject({ quantity: 5 });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "billing.seats_changed" } })).toBe(1);

    const { DELETE } = await import("@/app/api/v1/orgs/[slug]/members/[membershipId]/route");
    const removed = await call(DELETE as never, "DELETE", "/x", { cookie: owner.cookie, params: { slug: org.slug, membershipId: members[0]!.membership.id } });
    expect(removed.status).toBe(204);
    const queued = await jobsOf(SYNC_SEATS_TASK, org.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
