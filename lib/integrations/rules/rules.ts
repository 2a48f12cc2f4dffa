// Notification rules of an org: list, create, change and delete, each change audited in
// its transaction. A rule routes events of one source (optionally some event types, one
// resource) to a channel of one of the org's Slack connections.
import "server-only";
import { recordAudit } from "../../audit/record";
import { auditFields, type OrgContext } from "../../context";
import { getDb, type Tx } from "../../db";
import { NotFound } from "../../errors";
import { resolveSlackChannel } from "./channel";
import { presentRule } from "./present";
import type { CreateRuleInput, UpdateRuleInput } from "./schemas";

export async function listRules(ctx: OrgContext) {
  const rows = await getDb().notificationRule.findMany({ where: { orgId: ctx.org.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { items: rows.map(presentRule) };
}

async function ruleOrThrow(tx: Tx, ctx: OrgContext, ruleId: string) {
  const row = await tx.notificationRule.findFirst({ where: { id: ruleId, orgId: ctx.org.id } });
  if (!row) throw new NotFound("Notification rule");
  return row;
}

/** What the audit log keeps of a rule: its routing, never message content. */
const auditable = (rule: { name: string; source: string; eventTypes: string[]; resource: string | null; slackConnectionId: string; channelId: string; enabled: boolean }) => ({
  name: rule.name,
  source: rule.source,
  eventTypes: rule.eventTypes,
  resource: rule.resource,
  slackConnectionId: rule.slackConnectionId,
  channelId: rule.channelId,
  enabled: rule.enabled,
});

export async function createRule(ctx: OrgContext, input: CreateRuleInput) {
  return getDb().$transaction(async (tx) => {
    const channel = await resolveSlackChannel(tx, ctx.org.id, input);
    const row = await tx.notificationRule.create({
      data: {
        orgId: ctx.org.id,
        name: input.name,
        source: input.source,
        eventTypes: input.eventTypes,
        resource: input.resource,
        slackConnectionId: input.slackConnectionId,
        ...channel,
        enabled: input.enabled,
        createdById: ctx.actor.userId,
      },
    });
    await recordAudit(tx, { ...auditFields(ctx), action: "notification_rule.created", targetType: "notification_rule", targetId: row.id, metadata: auditable(row) });
    return presentRule(row);
  });
}

export async function updateRule(ctx: OrgContext, ruleId: string, input: UpdateRuleInput) {
  return getDb().$transaction(async (tx) => {
    const before = await ruleOrThrow(tx, ctx, ruleId);
    const routing = input.slackConnectionId !== undefined || input.channelId !== undefined || input.channelName !== undefined;
    const channel = routing
      ? await resolveSlackChannel(tx, ctx.org.id, {
          slackConnectionId: input.slackConnectionId ?? before.slackConnectionId,
          channelId: input.channelId ?? before.channelId,
          channelName: input.channelName ?? (input.channelId === undefined ? before.channelName : undefined),
        })
      : {};
    const row = await tx.notificationRule.update({
      where: { id: before.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
        ...(input.resource !== undefined ? { resource: input.resource } : {}),
        ...(input.slackConnectionId !== undefined ? { slackConnectionId: input.slackConnectionId } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...channel,
      },
    });
    const changed = Object.keys(input).filter((key) => input[key as keyof UpdateRuleInput] !== undefined);
    await recordAudit(tx, { ...auditFields(ctx), action: "notification_rule.updated", targetType: "notification_rule", targetId: row.id, metadata: { ...auditable(row), changed } });
    return presentRule(row);
  });
}

export async function deleteRule(ctx: OrgContext, ruleId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await ruleOrThrow(tx, ctx, ruleId);
    await tx.notificationRule.delete({ where: { id: row.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "notification_rule.deleted", targetType: "notification_rule", targetId: row.id, metadata: auditable(row) });
  });
}
