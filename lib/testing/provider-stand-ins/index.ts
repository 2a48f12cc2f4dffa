// Local stand-ins for the five providers' APIs, each a node:http server on 127.0.0.1
// speaking the endpoints the official SDKs call. Tests and the browser tests' global
// setup start them all at once and point Bastion at them with `env` (the variables
// lib/env.ts reads). Plain Node only: no lib/env, no server-only.
import { startAtlassianStandIn, type AtlassianStandIn } from "./atlassian";
import { standInCredentials } from "./credentials";
import { startGitHubStandIn, type GitHubStandIn } from "./github";
import { startGitLabStandIn, type GitLabStandIn } from "./gitlab";
import type { Fault } from "./http";
import { startLinearStandIn, type LinearStandIn } from "./linear";
import { startSlackStandIn, type SlackMessageReceived, type SlackStandIn } from "./slack";

export { standInCredentials } from "./credentials";
export { newGitHubAppPrivateKey } from "./github";
export type { Fault } from "./http";
export type { SlackMessageReceived } from "./slack";

export type StandInName = "github" | "gitlab" | "atlassian" | "linear" | "slack";

export type StandInOptions = {
  /** Fixed ports (e.g. when a web server's environment is written before they start); default: any free port. */
  ports?: Partial<Record<StandInName, number>>;
  /** The GitHub App key to accept JWTs from; default: a key pair made at start. */
  githubAppPrivateKey?: string;
  /** Where the GitHub install page sends the admin back (Bastion's callback). */
  githubSetupUrl?: string;
  /** Slack tokens that expire and refresh (Slack's token rotation). */
  slackTokenRotation?: boolean;
};

export type ProviderStandIns = {
  urls: {
    github: string;
    githubWeb: string;
    gitlab: string;
    atlassianAuth: string;
    atlassianApi: string;
    /** A Jira Cloud site (email + API token) and a Data Center instance (personal access token). */
    jiraSite: string;
    jiraDataCenter: string;
    linearApi: string;
    linearWeb: string;
    slackApi: string;
    slackWeb: string;
  };
  /** The environment that points Bastion at these stand-ins, OAuth clients and GitHub App included. */
  env: Record<string, string>;
  credentials: typeof standInCredentials;
  state: {
    slackMessages: SlackMessageReceived[];
    githubInstallationTokensMinted(): number;
    oauthExchanges(provider: "gitlab" | "atlassian" | "linear"): number;
    oauthRefreshes(provider: "gitlab" | "atlassian" | "linear"): number;
  };
  servers: { github: GitHubStandIn; gitlab: GitLabStandIn; atlassian: AtlassianStandIn; linear: LinearStandIn; slack: SlackStandIn };
  /** The next matching request(s) to that stand-in answer the fault instead. */
  inject(name: StandInName, fault: Fault): void;
  stop(): Promise<void>;
};

export async function startProviderStandIns(options: StandInOptions = {}): Promise<ProviderStandIns> {
  const ports = options.ports ?? {};
  const [github, gitlab, atlassian, linear, slack] = await Promise.all([
    startGitHubStandIn({ port: ports.github, appPrivateKey: options.githubAppPrivateKey, setupUrl: options.githubSetupUrl }),
    startGitLabStandIn({ port: ports.gitlab }),
    startAtlassianStandIn({ port: ports.atlassian }),
    startLinearStandIn({ port: ports.linear }),
    startSlackStandIn({ port: ports.slack, tokenRotation: options.slackTokenRotation }),
  ]);
  const servers = { github, gitlab, atlassian, linear, slack };
  const authorities = { gitlab: gitlab.oauth, atlassian: atlassian.oauth, linear: linear.oauth };
  const urls = standInUrls({ github: github.url, gitlab: gitlab.url, atlassian: atlassian.url, linear: linear.url, slack: slack.url });
  return {
    urls,
    env: standInEnvironment(urls, github.appPrivateKey),
    credentials: standInCredentials,
    state: {
      slackMessages: slack.messages,
      githubInstallationTokensMinted: () => github.mintedTokens(),
      oauthExchanges: (provider) => authorities[provider].counts.exchanges,
      oauthRefreshes: (provider) => authorities[provider].counts.refreshes,
    },
    servers,
    inject: (name, fault) => servers[name].inject(fault),
    stop: async () => {
      await Promise.all(Object.values(servers).map((server) => server.close()));
    },
  };
}

/** Each stand-in's URLs from its origin (http://127.0.0.1:<port>). */
export function standInUrls(origins: Record<StandInName, string>): ProviderStandIns["urls"] {
  return {
    github: origins.github,
    githubWeb: origins.github,
    gitlab: origins.gitlab,
    atlassianAuth: origins.atlassian,
    atlassianApi: origins.atlassian,
    jiraSite: `${origins.atlassian}/site`,
    jiraDataCenter: `${origins.atlassian}/dc`,
    linearApi: origins.linear,
    linearWeb: origins.linear,
    slackApi: `${origins.slack}/api`,
    slackWeb: origins.slack,
  };
}

/**
 * The environment for stand-ins on fixed ports, computable before they start (a browser
 * test's web server is configured before its global setup runs): pass the same ports and
 * GitHub App key to startProviderStandIns.
 */
export function standInEnvironmentForPorts(ports: Record<StandInName, number>, githubAppPrivateKey: string): Record<string, string> {
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const origins = { github: origin(ports.github), gitlab: origin(ports.gitlab), atlassian: origin(ports.atlassian), linear: origin(ports.linear), slack: origin(ports.slack) };
  return standInEnvironment(standInUrls(origins), githubAppPrivateKey);
}

function standInEnvironment(urls: ProviderStandIns["urls"], githubAppPrivateKey: string): Record<string, string> {
  const c = standInCredentials;
  return {
    // The stand-ins listen on loopback, which outbound provider calls refuse by default.
    BASTION_OUTBOUND_ALLOWLIST: "127.0.0.0/8,::1,localhost",
    GITHUB_API_URL: urls.github,
    GITHUB_WEB_URL: urls.githubWeb,
    GITHUB_APP_ID: c.github.appId,
    // One line, as an environment variable holds it; lib/env's reader restores the newlines.
    GITHUB_APP_PRIVATE_KEY: githubAppPrivateKey.trim().replace(/\n/g, "\\n"),
    GITHUB_APP_SLUG: c.github.appSlug,
    GITLAB_URL: urls.gitlab,
    GITLAB_OAUTH_CLIENT_ID: c.gitlab.clientId,
    GITLAB_OAUTH_CLIENT_SECRET: c.gitlab.clientSecret,
    ATLASSIAN_AUTH_URL: urls.atlassianAuth,
    ATLASSIAN_API_URL: urls.atlassianApi,
    JIRA_OAUTH_CLIENT_ID: c.jira.clientId,
    JIRA_OAUTH_CLIENT_SECRET: c.jira.clientSecret,
    LINEAR_API_URL: urls.linearApi,
    LINEAR_WEB_URL: urls.linearWeb,
    LINEAR_OAUTH_CLIENT_ID: c.linear.clientId,
    LINEAR_OAUTH_CLIENT_SECRET: c.linear.clientSecret,
    SLACK_API_URL: urls.slackApi,
    SLACK_WEB_URL: urls.slackWeb,
    SLACK_CLIENT_ID: c.slack.clientId,
    SLACK_CLIENT_SECRET: c.slack.clientSecret,
  };
}
