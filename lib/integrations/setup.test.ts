// The catalogue's setup checklist: which variables are missing (never their values), and
// the URLs to register at each provider, computed from APP_URL.
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import("./setup");
}

const unset = { GITLAB_OAUTH_CLIENT_ID: "", GITLAB_OAUTH_CLIENT_SECRET: "", JIRA_OAUTH_CLIENT_ID: "", JIRA_OAUTH_CLIENT_SECRET: "", LINEAR_OAUTH_CLIENT_ID: "", LINEAR_OAUTH_CLIENT_SECRET: "", SLACK_CLIENT_ID: "", SLACK_CLIENT_SECRET: "", SLACK_SIGNING_SECRET: "", GITHUB_APP_ID: "", GITHUB_APP_PRIVATE_KEY: "", GITHUB_APP_SLUG: "", GITHUB_APP_WEBHOOK_SECRET: "" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("providerSetup", () => {
  it("names the missing variables and the URLs to register, from APP_URL", async () => {
    const { providerSetup } = await load({ ...unset, APP_URL: "https://bastion.example.com/", SLACK_CLIENT_ID: "1234.5678", GITLAB_URL: "https://gitlab.example.com" });
    const setup = providerSetup();
    expect(setup.slack.configured).toBe(false);
    expect(setup.slack.variables.map((variable) => [variable.name, variable.set])).toEqual([["SLACK_CLIENT_ID", true], ["SLACK_CLIENT_SECRET", false], ["SLACK_SIGNING_SECRET", false]]);
    expect(setup.slack.urls.map((url) => url.url)).toEqual(["https://bastion.example.com/api/integrations/oauth/slack/callback", "https://bastion.example.com/api/webhooks/slack"]);
    expect(setup.github.urls.map((url) => url.url)).toEqual(["https://bastion.example.com/api/integrations/oauth/github/callback", "https://bastion.example.com/api/webhooks/github"]);
    expect(setup.gitlab.register.url).toBe("https://gitlab.example.com/-/user_settings/applications");
    // Names and whether they are set; a value never appears.
    expect(JSON.stringify(setup)).not.toContain("1234.5678");
  });

  it("marks a provider configured once its client id and secret are set", async () => {
    const { providerSetup } = await load({ ...unset, LINEAR_OAUTH_CLIENT_ID: "lin-client", LINEAR_OAUTH_CLIENT_SECRET: "lin-secret" });
    const setup = providerSetup();
    expect(setup.linear.configured).toBe(true);
    expect(setup.linear.variables.every((variable) => variable.set)).toBe(true);
    expect(setup.jira.configured).toBe(false);
  });
});
