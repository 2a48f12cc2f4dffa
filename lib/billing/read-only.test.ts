// Above a lowered quota (a lapse or downgrade to Free): what exists stays readable and
// deletable, but changing it is refused with 402 naming the limit, the use and the plan,
// until use is back within the limit. Through the real routes, billing on.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PATCH as updateConnectionRoute, DELETE as deleteConnectionRoute } from "@/app/api/v1/orgs/[slug]/integrations/[connectionId]/route";
import { POST as resendRoute } from "@/app/api/v1/orgs/[slug]/invitations/[invitationId]/resend/route";
import { POST as createSecretRoute } from "@/app/api/v1/orgs/[slug]/secrets/route";
import { DELETE as deleteSecretRoute, GET as getSecretRoute, PATCH as updateSecretRoute } from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/route";
import { hashToken, randomToken } from "../auth/tokens";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { createTestConnection } from "../testing/integration-fixtures";
import type { StripeStandIn } from "../testing/stripe-stand-in";
import { PLANS } from "./plans";
import { startBilling, stopBilling } from "./test-billing";

let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startBilling();
});
afterAll(async () => {
  await stopBilling(standIn);
});

const FREE = PLANS.free.entitlements;

describeWith(["postgres", "redis"], "read-only above quota", () => {
  it("refuses editing secrets above the quota, keeps them readable and deletable, and allows edits again once within it", async () => {
    const { org, owner } = await orgWithMembers();
    const base = `/api/v1/orgs/${org.slug}/secrets`;
    const created = await call(createSecretRoute as never, "POST", base, { cookie: owner.cookie, params: { slug: org.slug }, body: { key: "KEPT", value: "one" } });
    expect(created.status).toBe(201);
    const secretId = created.body.id as string;
    // As after a lapse to Free: more secrets than the Free plan keeps.
    await getDb().secret.createMany({ data: Array.from({ length: FREE.secrets }, (_, index) => ({ orgId: org.id, scope: "org", key: `FILLER_${index}` })) });
    const params = { slug: org.slug, secretId };
    const update = () => call(updateSecretRoute as never, "PATCH", `${base}/${secretId}`, { cookie: owner.cookie, params, body: { value: "two" } });

    const refused = await update();
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: "quota_exceeded", details: { limit: "secrets", allowed: FREE.secrets, used: FREE.secrets + 1, plan: "Free", upgradeTo: "Team", readOnly: true } });
    expect(refused.body.error.message).toBe(
      `Quota exceeded: secrets (limit ${FREE.secrets}; ${FREE.secrets + 1} in use on the Free plan). Upgrade to Team to lift it. Above the limit, existing secrets are read-only: delete some to get back within ${FREE.secrets}, or upgrade.`,
    );
    expect((await call(getSecretRoute as never, "GET", `${base}/${secretId}`, { cookie: owner.cookie, params })).status).toBe(200);

    const filler = await getDb().secret.findFirstOrThrow({ where: { orgId: org.id, key: "FILLER_0" } });
    expect((await call(deleteSecretRoute as never, "DELETE", `${base}/${filler.id}`, { cookie: owner.cookie, params: { slug: org.slug, secretId: filler.id } })).status).toBe(200);
    expect((await update()).status).toBe(200);
  });

  it("refuses changing connections above the quota except turning them off or disconnecting", async () => {
    const { org, owner } = await orgWithMembers();
    const connections = [];
    for (let index = 0; index <= FREE.integrations; index++) connections.push(await createTestConnection(org.id, "github", { WEBHOOK_SECRET: "s" }));
    const target = connections[0]!;
    const path = (id: string) => `/api/v1/orgs/${org.slug}/integrations/${id}`;
    const patch = (body: Record<string, unknown>) => call(updateConnectionRoute as never, "PATCH", path(target.id), { cookie: owner.cookie, params: { slug: org.slug, connectionId: target.id }, body });

    const renamed = await patch({ name: "Renamed" });
    expect(renamed.status).toBe(402);
    expect(renamed.body.error).toMatchObject({ code: "quota_exceeded", details: { limit: "integrations", used: FREE.integrations + 1, plan: "Free", readOnly: true } });
    expect((await patch({ status: "disabled" })).status).toBe(200);
    expect((await patch({ status: "active" })).status).toBe(402);

    const other = connections[1]!;
    expect((await call(deleteConnectionRoute as never, "DELETE", path(other.id), { cookie: owner.cookie, params: { slug: org.slug, connectionId: other.id } })).status).toBeLessThan(300);
    expect((await patch({ name: "Renamed" })).status).toBe(200);
  });

  it("refuses resending an invitation while members and pending invitations exceed the seats", async () => {
    const { org, owner } = await orgWithMembers(["member", "member"]);
    const invitation = await getDb().invitation.create({
      data: { orgId: org.id, kind: "email", email: "pending@example.test", role: "member", tokenHash: hashToken(randomToken()), invitedById: owner.user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const resent = await call(resendRoute as never, "POST", `/api/v1/orgs/${org.slug}/invitations/${invitation.id}/resend`, { cookie: owner.cookie, params: { slug: org.slug, invitationId: invitation.id }, body: {} });
    expect(resent.status).toBe(402);
    expect(resent.body.error).toMatchObject({ code: "quota_exceeded", details: { limit: "seats", allowed: FREE.seats, used: FREE.seats + 1, readOnly: true } });
  });
});
