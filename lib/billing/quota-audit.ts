// A quota refusal is an audit event. Written outside the refused transaction (which rolls
// back), so the refusal is on record even though nothing was created; and a product
// (PostHog) event when telemetry is configured.
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import { trackOrg } from "../telemetry/server";

export async function audit(orgId: string, limit: string, allowed: number, used: number): Promise<void> {
  await recordAudit(getDb(), { orgId, actorType: "system", action: "billing.quota_refused", targetType: "org", targetId: orgId, metadata: { limit, allowed, used } });
  trackOrg("quota refused", { orgId, limitId: limit });
}
