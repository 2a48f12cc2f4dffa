// Starting an OAuth connect (GitLab, Jira Cloud, Linear, Slack) or a GitHub App install:
// a state bound to this session, then the provider's URL to send the browser to. The
// provider sends it back only to Bastion's own fixed callback.
import "server-only";
import type { OrgContext } from "../../context";
import { Invalid } from "../../errors";
import { githubAppSettings } from "../providers/github/app-auth";
import { githubAppInstallUrl, oauthFlows } from "../providers/clients";
import { oauthRedirectUri } from "../providers/oauth-redirect";
import type { Provider } from "../types";
import { createOAuthState, type OAuthSettings } from "./oauth-state";
import { providerName } from "./provider-refusal";

/** Which providers this instance can connect through OAuth or an app install (the console shows those buttons). */
export function oauthAvailability(): Record<Provider, boolean> {
  return {
    // An install link needs the app's slug besides its id and key.
    github: Boolean(githubAppSettings()?.slug),
    gitlab: Boolean(oauthFlows.gitlab),
    jira: Boolean(oauthFlows.jira),
    linear: Boolean(oauthFlows.linear),
    slack: Boolean(oauthFlows.slack),
  };
}

export async function startOAuth(ctx: OrgContext & { sessionId: string }, provider: Provider, settings: OAuthSettings): Promise<{ url: string }> {
  // Only GitLab may live elsewhere than its default URL; Jira OAuth is Cloud-only.
  if (settings.baseUrl && provider !== "gitlab") {
    throw new Invalid(`${providerName(provider)} does not take a base URL here`, [{ path: "baseUrl", message: "only for self-managed GitLab" }]);
  }
  if (!oauthAvailability()[provider]) {
    throw new Invalid(`${providerName(provider)} ${provider === "github" ? "App" : "OAuth"} is not configured on this Bastion`);
  }
  const { state, codeChallenge } = await createOAuthState({ orgId: ctx.org.id, userId: ctx.actor.userId, sessionId: ctx.sessionId, provider, settings });
  if (provider === "github") return { url: githubAppInstallUrl(state)! };
  const url = oauthFlows[provider]!.authorizeUrl({ state, codeChallenge, redirectUri: oauthRedirectUri(provider), baseUrl: settings.baseUrl ?? null });
  return { url };
}
