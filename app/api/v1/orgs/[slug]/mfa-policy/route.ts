// GET, PATCH /api/v1/orgs/:slug/mfa-policy — "require two-factor authentication for
// members": on/off, grace period, and whether SSO sign-ins asserting MFA satisfy it.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { getMfaPolicy, mfaPolicyPatch, updateMfaPolicy } from "@/lib/orgs/mfa-policy";
import { slugParams } from "@/lib/orgs/schemas";

export const GET = route({ auth: "both", permission: "org:read", schemas: { params: slugParams } }, async ({ access }) => ({
  mfaPolicy: await getMfaPolicy(access!.org.id),
}));

// Session only: a security setting changed by a person (who must have MFA to turn it on).
export const PATCH = route({ auth: "session", permission: "org:update", schemas: { params: slugParams, body: mfaPolicyPatch } }, async (ctx) => ({
  mfaPolicy: await updateMfaPolicy(orgContext(ctx), ctx.body),
}));
