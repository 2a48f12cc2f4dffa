// PATCH /api/v1/orgs/[slug]/notification-rules/[ruleId]: change a rule. DELETE: remove it.
import { deleteRule, updateRule } from "@/lib/integrations/rules/rules";
import { ruleParams, updateRuleSchema } from "@/lib/integrations/rules/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const PATCH = route({ auth: "both", permission: "integrations:manage", schemas: { params: ruleParams, body: updateRuleSchema } }, async (ctx) =>
  updateRule(orgContext(ctx), ctx.params.ruleId, ctx.body),
);

export const DELETE = route({ auth: "both", permission: "integrations:manage", schemas: { params: ruleParams } }, async (ctx) => {
  await deleteRule(orgContext(ctx), ctx.params.ruleId);
  return new Response(null, { status: 204 });
});
