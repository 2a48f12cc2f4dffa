// GitLab's outbound half: "token" (a project or group access token, API_TOKEN) or
// "oauth" (ACCESS_TOKEN + REFRESH_TOKEN, refreshed when expired or refused), against
// gitlab.com or the connection's self-managed base URL.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import { withAccessToken } from "../../outbound/token-refresh";
import type { ProviderCall, ProviderClient } from "../../types";
import { gitlabApi } from "./api";
import { whoAmI } from "./identity";
import { refreshGitLabToken } from "./oauth";

type Auth = { token: string } | { oauthToken: string };

function withAuth<T>(call: ProviderCall, run: (auth: Auth) => Promise<T>): Promise<T> {
  if (call.connection.method === "oauth") {
    return withAccessToken(call, (refreshToken) => refreshGitLabToken(call.connection.baseUrl, refreshToken), (accessToken) => run({ oauthToken: accessToken }));
  }
  const token = call.credentials.API_TOKEN;
  if (!token) throw new ProviderError("gitlab", "unauthorized", "no access token is stored for this connection");
  return run({ token });
}

async function guarded<T>(call: ProviderCall, run: (auth: Auth) => Promise<T>): Promise<T> {
  try {
    return await withAuth(call, run);
  } catch (error) {
    throw toProviderError("gitlab", error, Object.values(call.credentials));
  }
}

export const client: ProviderClient = {
  check: (call) =>
    guarded(call, async (auth) => {
      const identity = await whoAmI(call.connection, auth);
      const tokenExpiresAt = "oauthToken" in auth ? (call.connection.tokenExpiresAt ?? null) : identity.tokenExpiresAt;
      return { name: identity.name, externalId: identity.externalId, tokenExpiresAt, config: identity.config };
    }),
  sync: (call) =>
    guarded(call, async (auth) => {
      const projects = (await gitlabApi(call.connection, auth).Projects.all({ membership: true, simple: true, perPage: 100 })) as unknown as { id: number; path_with_namespace: string; web_url: string }[];
      return projects.map((project) => ({ kind: "project" as const, externalId: String(project.id), name: project.path_with_namespace, url: project.web_url }));
    }),
};
