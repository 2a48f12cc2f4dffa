// The outbound registry: every provider has a client, and only the OAuth flows whose
// client id and secret are configured are offered.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PROVIDERS } from "../types";

async function load(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return import("./clients");
}

const unset = { GITLAB_OAUTH_CLIENT_ID: "", GITLAB_OAUTH_CLIENT_SECRET: "", JIRA_OAUTH_CLIENT_ID: "", JIRA_OAUTH_CLIENT_SECRET: "", LINEAR_OAUTH_CLIENT_ID: "", LINEAR_OAUTH_CLIENT_SECRET: "", SLACK_CLIENT_ID: "", SLACK_CLIENT_SECRET: "", GITHUB_APP_ID: "", GITHUB_APP_PRIVATE_KEY: "", GITHUB_APP_SLUG: "" };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("provider registry", () => {
  it("has a client with check and sync for every provider", async () => {
    const { providerClients } = await load(unset);
    expect(Object.keys(providerClients).sort()).toEqual([...PROVIDERS].sort());
    for (const provider of PROVIDERS) {
      expect(typeof providerClients[provider].check).toBe("function");
      expect(typeof providerClients[provider].sync).toBe("function");
    }
  });

  it("offers no OAuth flow and no GitHub install when nothing is configured", async () => {
    const { oauthFlows, githubAppInstallUrl } = await load(unset);
    expect(Object.keys(oauthFlows)).toEqual([]);
    expect(oauthFlows.slack).toBeUndefined();
    expect("gitlab" in oauthFlows).toBe(false);
    expect(githubAppInstallUrl("state")).toBeNull();
  });

  it("offers exactly the flows whose client id and secret are both set", async () => {
    const { oauthFlows } = await load({ ...unset, GITLAB_OAUTH_CLIENT_ID: "gl-id", GITLAB_OAUTH_CLIENT_SECRET: "gl-secret", SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "sl-secret", LINEAR_OAUTH_CLIENT_ID: "only-the-id" });
    expect(Object.keys(oauthFlows).sort()).toEqual(["gitlab", "slack"]);
    expect(oauthFlows.gitlab?.pkce).toBe(true);
    expect(oauthFlows.slack?.pkce).toBe(false);
    expect(oauthFlows.linear).toBeUndefined();
    expect(new URL(oauthFlows.gitlab!.authorizeUrl({ state: "s", codeChallenge: "c", redirectUri: "http://localhost:3000/cb" })).searchParams.get("client_id")).toBe("gl-id");
  });
});
