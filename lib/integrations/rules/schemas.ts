// Input schemas of the notification rules API.
import { z } from "zod";
import { idParam, text } from "../../validation/text";
import { EVENT_SOURCES } from "../events/schemas";

const slug = idParam();
export const rulesParams = z.object({ slug });
export const ruleParams = z.object({ slug, ruleId: idParam() });

/** "pull_request.opened" (one action) or "pull_request" (all of them), as normalized events name them. */
const eventType = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/, "an event type like pull_request.opened, or pull_request for every action");

const fields = {
  name: text().trim().min(1).max(100),
  source: z.enum(EVENT_SOURCES),
  /** None: every event of the source. */
  eventTypes: z
    .array(eventType)
    .max(50)
    .transform((types) => [...new Set(types)]),
  /** The repository, project or team name (or key) events must concern; null: any. */
  resource: text().trim().min(1).max(300).nullable(),
  slackConnectionId: idParam(),
  /** A Slack channel id (C…, G…). */
  channelId: text().trim().regex(/^[A-Za-z0-9_-]{1,80}$/, "a Slack channel id"),
  /** Shown in the console; taken from the synced channel when the connection has synced channels. */
  channelName: text().trim().min(1).max(100).optional(),
  enabled: z.boolean(),
};

export const createRuleSchema = z.object({
  ...fields,
  eventTypes: fields.eventTypes.default([]),
  resource: fields.resource.default(null),
  enabled: fields.enabled.default(true),
});

export const updateRuleSchema = z
  .object({
    name: fields.name.optional(),
    source: fields.source.optional(),
    eventTypes: fields.eventTypes.optional(),
    resource: fields.resource.optional(),
    slackConnectionId: fields.slackConnectionId.optional(),
    channelId: fields.channelId.optional(),
    channelName: fields.channelName,
    enabled: fields.enabled.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "nothing to change");

export type CreateRuleInput = z.output<typeof createRuleSchema>;
export type UpdateRuleInput = z.output<typeof updateRuleSchema>;
