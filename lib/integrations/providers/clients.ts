// The outbound registry: each provider's client (check, sync) and the OAuth flows the
// environment configures. A flow whose client id and secret are unset is absent, so the
// console can hide its button; GitHub connects by App installation (githubAppInstallUrl).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { OAuthFlow, Provider, ProviderClient } from "../types";
import { client as github } from "./github/client";
import { client as gitlab } from "./gitlab/client";
import { gitlabOAuthConfigured, oauth as gitlabOAuth } from "./gitlab/oauth";
import { client as jira } from "./jira/client";
import { jiraOAuthConfigured, oauth as jiraOAuth } from "./jira/oauth";
import { client as linear } from "./linear/client";
import { linearOAuthConfigured, oauth as linearOAuth } from "./linear/oauth";
import { slackClientSettings } from "./slack/api";
import { client as slack } from "./slack/client";
import { oauth as slackOAuth } from "./slack/oauth";

export { githubAppInstallUrl } from "./github/oauth";
export { postSlackMessage } from "./slack/post-message";

export const providerClients: Record<Provider, ProviderClient> = { github, gitlab, jira, linear, slack };

/** Built on each read: the environment decides which flows exist (and tests change it). */
export const oauthFlows: Partial<Record<Provider, OAuthFlow>> = new Proxy({} as Partial<Record<Provider, OAuthFlow>>, {
  get: (_, provider) => configuredFlows()[provider as Provider],
  has: (_, provider) => provider in configuredFlows(),
  ownKeys: () => Object.keys(configuredFlows()),
  getOwnPropertyDescriptor: (_, provider) => {
    const flow = configuredFlows()[provider as Provider];
    return flow ? { value: flow, enumerable: true, configurable: true, writable: false } : undefined;
  },
});

function configuredFlows(): Partial<Record<Provider, OAuthFlow>> {
  const flows: Partial<Record<Provider, OAuthFlow>> = {};
  if (gitlabOAuthConfigured()) flows.gitlab = gitlabOAuth;
  if (jiraOAuthConfigured()) flows.jira = jiraOAuth;
  if (linearOAuthConfigured()) flows.linear = linearOAuth;
  if (slackClientSettings()) flows.slack = slackOAuth;
  return flows;
}
