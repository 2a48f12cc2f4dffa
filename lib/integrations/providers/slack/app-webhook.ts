// The Slack app's one Request URL, /api/webhooks/slack, for Event Subscriptions,
// Interactivity and slash commands: Slack signs every request with the app's signing
// secret (SLACK_SIGNING_SECRET), checked and parsed by the per-connection verifier. The
// workspace names the connection (externalId the Slack team id).
import "server-only";
import { env } from "../../../env";
import { isObject, text } from "../../webhooks/inbound";
import type { AppWebhook } from "../../types";
import { slackVerifier } from "./webhook";

/**
 * The workspace a request comes from: an Events API envelope's `team_id` (else the first
 * authorization's, for events from shared channels), a slash command's `team_id` field,
 * an interactivity payload's `team.id`.
 */
export function slackTeamOf(payload: unknown): string | null {
  if (!isObject(payload)) return null;
  const authorization = Array.isArray(payload.authorizations) ? payload.authorizations[0] : null;
  return text(payload, "team_id") ?? text(authorization, "team_id") ?? text(payload.team, "id");
}

export const appWebhook: AppWebhook = {
  provider: "slack",
  ignoredStatus: 200,
  secret: () => env().SLACK_SIGNING_SECRET,
  // No connection's copy of the secret: the app's current one is the only candidate.
  verify: (request, secret) => slackVerifier(() => secret).verify(request, {}),
  externalIdOf: ({ payload }) => slackTeamOf(payload),
};
