// The "integrations.notify" job: post one routed event to its rule's Slack channel with
// chat.postMessage, as the rule's Slack connection's bot. A rule deleted or disabled, or
// a Slack connection gone or disabled since the event was recorded, sends nothing.
// Slack has no idempotency key: a worker dying between the post and the job's completion
// posts again on retry (at least once), which is why this job does nothing but post.
// No "server-only" marker: the worker (plain Node) loads this.
import { defineTask } from "../../jobs/tasks";
import { logger } from "../../logger";
import { providerCallFor } from "../connections/credentials";
import { NOTIFY_TASK } from "../events/record";
import { postSlackMessage } from "../providers/slack/post-message";
import { formatNotification } from "./format";

export const notifyTask = defineTask<{ ruleId?: unknown; orgEventId?: unknown }>({
  name: NOTIFY_TASK,
  async run(payload, { db }) {
    if (typeof payload.ruleId !== "string" || typeof payload.orgEventId !== "string") throw new Error("the job names no rule or event");
    const [rule, event] = await Promise.all([
      db.notificationRule.findUnique({ where: { id: payload.ruleId } }),
      db.orgEvent.findUnique({ where: { id: payload.orgEventId } }),
    ]);
    if (!rule || !event || rule.orgId !== event.orgId || !rule.enabled) {
      logger.info({ ruleId: payload.ruleId, orgEventId: payload.orgEventId }, "notification skipped: rule or event gone or disabled");
      return;
    }
    const connection = await db.integrationConnection.findFirst({ where: { id: rule.slackConnectionId, orgId: rule.orgId, provider: "slack" } });
    if (!connection || connection.status !== "active") {
      logger.warn({ ruleId: rule.id, orgEventId: event.id }, "notification skipped: the rule's Slack connection is gone or disabled");
      return;
    }
    const call = await providerCallFor(connection);
    const posted = await postSlackMessage(call, { channel: rule.channelId, ...formatNotification(event, rule) });
    logger.info({ ruleId: rule.id, orgEventId: event.id, channel: posted.channel }, "notification posted");
  },
});
