// GET /api/v1/orgs/[slug]/notification-rules: the org's rules. POST: route chosen events to a Slack channel.
import { createRule, listRules } from "@/lib/integrations/rules/rules";
import { createRuleSchema, rulesParams } from "@/lib/integrations/rules/schemas";
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "both", permission: "integrations:read", schemas: { params: rulesParams } }, async (ctx) => listRules(orgContext(ctx)));

export const POST = route({ auth: "both", permission: "integrations:manage", schemas: { params: rulesParams, body: createRuleSchema } }, async (ctx) =>
  Response.json(await createRule(orgContext(ctx), ctx.body), { status: 201 }),
);
