// The provider API stand-ins of the browser tests (lib/testing/provider-stand-ins),
// started by global-setup.ts on fixed ports so that playwright.config.ts can point the
// web server and the worker at them before they run. Specs run in other processes and
// read what the Slack stand-in received over its HTTP view.
import { standInEnvironmentForPorts, startProviderStandIns, type SlackMessageReceived } from "../../lib/testing/provider-stand-ins";
import { e2ePorts } from "./ports";

const ports = { github: e2ePorts.githubStandIn, gitlab: e2ePorts.gitlabStandIn, atlassian: e2ePorts.atlassianStandIn, linear: e2ePorts.linearStandIn, slack: e2ePorts.slackStandIn };

/**
 * The environment that points Bastion at the stand-ins. The GitHub App stays unconfigured
 * (its key would have to be shared between the config and the global setup); GitHub
 * connects by token here, and the app install is covered by the API tests.
 */
export function standInEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(standInEnvironmentForPorts(ports, "")).filter(([name]) => !name.startsWith("GITHUB_APP_")));
}

export async function startE2eStandIns(): Promise<{ stop(): Promise<void> }> {
  return startProviderStandIns({ ports });
}

/** The messages the Slack stand-in has received through chat.postMessage so far. */
export async function slackMessagesReceived(): Promise<SlackMessageReceived[]> {
  const response = await fetch(`http://127.0.0.1:${ports.slack}/_stand-in/messages`);
  if (!response.ok) throw new Error(`the Slack stand-in answered ${response.status}`);
  return ((await response.json()) as { messages: SlackMessageReceived[] }).messages;
}

export { standInCredentials } from "../../lib/testing/provider-stand-ins";
