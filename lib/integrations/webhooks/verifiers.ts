// The inbound half of every provider adapter, by provider: how its webhooks are signed,
// identified and parsed (lib/integrations/providers/<provider>/webhook.ts).
import "server-only";
import { webhook as github } from "../providers/github/webhook";
import { webhook as gitlab } from "../providers/gitlab/webhook";
import { webhook as jira } from "../providers/jira/webhook";
import { webhook as linear } from "../providers/linear/webhook";
import { webhook as slack } from "../providers/slack/webhook";
import type { Provider, WebhookVerifier } from "../types";

export const webhookVerifiers: Record<Provider, WebhookVerifier> = { github, gitlab, jira, linear, slack };
