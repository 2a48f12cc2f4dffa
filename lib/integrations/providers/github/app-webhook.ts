// The GitHub App's one webhook URL, /api/webhooks/github: GitHub posts every installation's
// events there, signed with the App's webhook secret (GITHUB_APP_WEBHOOK_SECRET) exactly
// as a repository webhook is signed, so the per-connection verifier checks and parses them.
// `installation.id` names the connection (method "app", externalId the installation id).
import "server-only";
import { env } from "../../../env";
import { isObject } from "../../webhooks/inbound";
import type { AppWebhook } from "../../types";
import { webhook } from "./webhook";

const SUSPENDED = "The GitHub App installation was suspended on GitHub; unsuspending it there enables this connection again";

/** `installation` actions after which GitHub sends nothing more, and what the connection then says. */
const ENDING_ACTIONS = new Map([
  ["deleted", "The GitHub App was uninstalled on GitHub; install it again and reconnect to receive its events"],
  ["suspend", SUSPENDED],
]);

export const appWebhook: AppWebhook = {
  provider: "github",
  method: "app",
  ignoredStatus: 202,
  secret: () => env().GITHUB_APP_WEBHOOK_SECRET,
  verify: (request, secret) => webhook.verify(request, { WEBHOOK_SECRET: secret }),
  externalIdOf({ payload }) {
    const installation = isObject(payload) ? payload.installation : null;
    const id = isObject(installation) ? installation.id : null;
    return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? String(id) : null;
  },
  disablesConnection: ({ eventType, action }) => (eventType === "installation" && action ? (ENDING_ACTIONS.get(action) ?? null) : null),
  // Only a connection the suspension disabled comes back; one an admin disabled stays off.
  reenablesConnection: ({ eventType, action }) => (eventType === "installation" && action === "unsuspend" ? SUSPENDED : null),
};
