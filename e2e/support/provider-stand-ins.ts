// The provider API stand-ins of the browser tests (lib/testing/provider-stand-ins),
// started by global-setup.ts on fixed ports so that playwright.config.ts can point the
// web server and the worker at them before they run. Specs run in other processes, so
// what the stand-ins received is served on a small HTTP view (`standInsView`).
import http from "node:http";
import { startProviderStandIns, type ProviderStandIns, type SlackMessageReceived } from "../../lib/testing/provider-stand-ins";
import { standInCredentials } from "../../lib/testing/provider-stand-ins/credentials";
import { e2ePorts } from "./ports";

const local = (port: number) => `http://127.0.0.1:${port}`;
const viewUrl = local(e2ePorts.standInsView);

/**
 * The environment that points Bastion at the stand-ins. The GitHub App stays unconfigured
 * (the stand-in makes its key at start, after this is read); GitHub connects by token.
 */
export function standInEnvironment(): Record<string, string> {
  const c = standInCredentials;
  const slack = local(e2ePorts.slackStandIn);
  return {
    GITHUB_API_URL: local(e2ePorts.githubStandIn),
    GITHUB_WEB_URL: local(e2ePorts.githubStandIn),
    GITLAB_URL: local(e2ePorts.gitlabStandIn),
    GITLAB_OAUTH_CLIENT_ID: c.gitlab.clientId,
    GITLAB_OAUTH_CLIENT_SECRET: c.gitlab.clientSecret,
    ATLASSIAN_AUTH_URL: local(e2ePorts.atlassianStandIn),
    ATLASSIAN_API_URL: local(e2ePorts.atlassianStandIn),
    JIRA_OAUTH_CLIENT_ID: c.jira.clientId,
    JIRA_OAUTH_CLIENT_SECRET: c.jira.clientSecret,
    LINEAR_API_URL: local(e2ePorts.linearStandIn),
    LINEAR_WEB_URL: local(e2ePorts.linearStandIn),
    LINEAR_OAUTH_CLIENT_ID: c.linear.clientId,
    LINEAR_OAUTH_CLIENT_SECRET: c.linear.clientSecret,
    SLACK_API_URL: `${slack}/api`,
    SLACK_WEB_URL: slack,
    SLACK_CLIENT_ID: c.slack.clientId,
    SLACK_CLIENT_SECRET: c.slack.clientSecret,
  };
}

/** Starts the stand-ins and their view; refuses to run if they disagree with standInEnvironment(). */
export async function startE2eStandIns(): Promise<{ stop(): Promise<void> }> {
  const standIns = await startProviderStandIns({
    ports: { github: e2ePorts.githubStandIn, gitlab: e2ePorts.gitlabStandIn, atlassian: e2ePorts.atlassianStandIn, linear: e2ePorts.linearStandIn, slack: e2ePorts.slackStandIn },
  });
  const drift = Object.entries(standInEnvironment()).filter(([name, value]) => standIns.env[name] !== value);
  if (drift.length > 0) {
    await standIns.stop();
    throw new Error(`e2e stand-in environment differs from the stand-ins' own for ${drift.map(([name]) => name).join(", ")}`);
  }
  const view = await serveView(standIns);
  return {
    stop: async () => {
      await new Promise<void>((resolve) => view.close(() => resolve()));
      await standIns.stop();
    },
  };
}

function serveView(standIns: ProviderStandIns): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url !== "/slack/messages") return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(standIns.state.slackMessages));
  });
  return new Promise((resolve) => server.listen(e2ePorts.standInsView, "127.0.0.1", () => resolve(server)));
}

/** The messages the Slack stand-in has received through chat.postMessage so far. */
export async function slackMessagesReceived(): Promise<SlackMessageReceived[]> {
  const response = await fetch(`${viewUrl}/slack/messages`);
  if (!response.ok) throw new Error(`stand-in view answered ${response.status}`);
  return (await response.json()) as SlackMessageReceived[];
}

export { standInCredentials };
