// What an operator does once per instance so a provider's OAuth or app install works: the
// app to register at the provider, the URLs to give it (computed from APP_URL) and the
// environment variables to set. The catalogue shows it as a checklist where a connect
// button would otherwise be dead. Names which variables are set, never their values.
import "server-only";
import { appUrl, env } from "../env";
import { oauthAvailability } from "./connections/oauth-start";
import { SCOPES as GITLAB_SCOPES } from "./providers/gitlab/oauth";
import { SCOPES as JIRA_SCOPES } from "./providers/jira/oauth";
import { oauthRedirectUri } from "./providers/oauth-redirect";
import { BOT_SCOPES as SLACK_SCOPES } from "./providers/slack/oauth";
import { PROVIDERS, type Provider } from "./types";

export type SetupVariable = { name: string; set: boolean; hint: string };
export type SetupUrl = { label: string; url: string };
export type ProviderSetup = {
  /** OAuth (or the GitHub App install) works on this instance. */
  configured: boolean;
  /** Where the operator registers the app at the provider. */
  register: { label: string; url: string };
  /** URLs the provider's app settings ask for. */
  urls: SetupUrl[];
  /** What the app needs to be granted, in the provider's words. */
  permissions: string;
  variables: SetupVariable[];
};

const variable = (name: keyof ReturnType<typeof env>, hint: string): SetupVariable => ({ name, set: Boolean(env()[name]), hint });

export function providerSetup(): Record<Provider, ProviderSetup> {
  const available = oauthAvailability();
  const callback = (provider: Provider): SetupUrl => ({ label: "Callback (redirect) URL", url: oauthRedirectUri(provider) });
  const setup: Record<Provider, Omit<ProviderSetup, "configured">> = {
    github: {
      register: { label: "New GitHub App", url: `${env().GITHUB_WEB_URL.replace(/\/+$/, "")}/settings/apps/new` },
      urls: [{ label: "Setup URL (redirect on update too)", url: oauthRedirectUri("github") }, { label: "Webhook URL", url: `${appUrl()}/api/webhooks/github` }],
      permissions: "Repository: Contents, Metadata, Issues and Pull requests (read); subscribe to the push, issues and pull request events",
      variables: [
        variable("GITHUB_APP_ID", "the App ID from the app's settings page"),
        variable("GITHUB_APP_PRIVATE_KEY", "a generated private key (PEM; \\n escapes allowed)"),
        variable("GITHUB_APP_SLUG", "the app's URL name, github.com/apps/<slug>"),
        variable("GITHUB_APP_WEBHOOK_SECRET", "the webhook secret you typed in the app's settings"),
      ],
    },
    gitlab: {
      register: { label: "New GitLab application", url: `${env().GITLAB_URL.replace(/\/+$/, "")}/-/user_settings/applications` },
      urls: [callback("gitlab")],
      permissions: `Scopes: ${GITLAB_SCOPES}; confidential`,
      variables: [variable("GITLAB_OAUTH_CLIENT_ID", "the Application ID"), variable("GITLAB_OAUTH_CLIENT_SECRET", "the application's Secret")],
    },
    jira: {
      register: { label: "Atlassian developer console", url: "https://developer.atlassian.com/console/myapps/" },
      urls: [callback("jira")],
      permissions: `OAuth 2.0 (3LO) with the Jira API scopes ${JIRA_SCOPES}`,
      variables: [variable("JIRA_OAUTH_CLIENT_ID", "the app's Client ID"), variable("JIRA_OAUTH_CLIENT_SECRET", "the app's Secret")],
    },
    linear: {
      register: { label: "New Linear OAuth application", url: `${env().LINEAR_WEB_URL.replace(/\/+$/, "")}/settings/api/applications/new` },
      urls: [callback("linear")],
      permissions: "Scope: read",
      variables: [variable("LINEAR_OAUTH_CLIENT_ID", "the application's Client ID"), variable("LINEAR_OAUTH_CLIENT_SECRET", "the application's Client secret")],
    },
    slack: {
      register: { label: "Create a Slack app", url: "https://api.slack.com/apps?new_app=1" },
      urls: [callback("slack"), { label: "Request URL (Event Subscriptions and Interactivity)", url: `${appUrl()}/api/webhooks/slack` }],
      permissions: `Bot token scopes: ${SLACK_SCOPES.split(",").join(", ")}`,
      variables: [
        variable("SLACK_CLIENT_ID", "Basic Information → App Credentials → Client ID"),
        variable("SLACK_CLIENT_SECRET", "Basic Information → App Credentials → Client Secret"),
        variable("SLACK_SIGNING_SECRET", "Basic Information → App Credentials → Signing Secret"),
      ],
    },
  };
  return Object.fromEntries(PROVIDERS.map((provider) => [provider, { ...setup[provider], configured: available[provider] }])) as Record<Provider, ProviderSetup>;
}
