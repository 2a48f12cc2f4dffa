// The stand-ins as other suites and the browser tests use them: an environment that can
// be computed from fixed ports before they start, the GitHub install redirect to
// Bastion's callback, and posted Slack messages readable from another process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newGitHubAppPrivateKey, standInCredentials, standInEnvironmentForPorts, startProviderStandIns, type ProviderStandIns } from "./index";

const setupUrl = "http://localhost:3000/api/integrations/oauth/github/callback";
const key = newGitHubAppPrivateKey();
let standIns: ProviderStandIns;

beforeAll(async () => {
  standIns = await startProviderStandIns({ githubAppPrivateKey: key, githubSetupUrl: setupUrl });
});

afterAll(() => standIns.stop());

describe("provider stand-ins", () => {
  it("computes the same environment from the ports alone", () => {
    const port = (name: keyof ProviderStandIns["servers"]) => Number(new URL(standIns.servers[name].url).port);
    const ports = { github: port("github"), gitlab: port("gitlab"), atlassian: port("atlassian"), linear: port("linear"), slack: port("slack") };
    expect(standInEnvironmentForPorts(ports, key)).toEqual(standIns.env);
    expect(standIns.env.GITHUB_APP_PRIVATE_KEY).not.toContain("\n");
  });

  it("sends the GitHub App installer back to the setup URL with the installation and state", async () => {
    const response = await fetch(`${standIns.urls.githubWeb}/apps/${standInCredentials.github.appSlug}/installations/new?state=xyz`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(setupUrl);
    expect(Object.fromEntries(location.searchParams)).toEqual({ installation_id: String(standInCredentials.github.installationId), setup_action: "install", state: "xyz" });
  });

  it("lists posted Slack messages over HTTP, and refuses posts without a valid token", async () => {
    const post = (authorization: string) =>
      fetch(`${standIns.urls.slackApi}/chat.postMessage`, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body: "channel=C0GENERAL&text=hello" }).then((response) => response.json());
    expect(await post("Bearer xoxb-not-a-real-token")).toEqual({ ok: false, error: "invalid_auth" });
    expect(await post(`Bearer ${standInCredentials.slack.botToken}`)).toMatchObject({ ok: true, channel: "C0GENERAL" });
    const listed = (await (await fetch(`${standIns.urls.slackWeb}/_stand-in/messages`)).json()) as { messages: { channel: string; text: string }[] };
    expect(listed.messages).toEqual([expect.objectContaining({ channel: "C0GENERAL", text: "hello" })]);
  });
});
