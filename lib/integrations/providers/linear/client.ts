// Linear's outbound half: "api_key" (API_TOKEN) or "oauth" (ACCESS_TOKEN +
// REFRESH_TOKEN, refreshed when expired or refused); check names the workspace, sync
// lists its teams.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { env } from "../../../env";
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import { withAccessToken } from "../../outbound/token-refresh";
import type { ProviderCall, ProviderClient, SyncedResource } from "../../types";
import { linearIdentity } from "./identity";
import { refreshLinearToken } from "./oauth";
import { linearSdk, type LinearAuth } from "./sdk";

async function withAuth<T>(call: ProviderCall, run: (auth: LinearAuth) => Promise<T>): Promise<T> {
  try {
    if (call.connection.method === "oauth") return await withAccessToken(call, refreshLinearToken, (accessToken) => run({ accessToken }));
    const apiKey = call.credentials.API_TOKEN;
    if (!apiKey) throw new ProviderError("linear", "unauthorized", "no API key is stored for this connection");
    return await run({ apiKey });
  } catch (error) {
    throw toProviderError("linear", error, Object.values(call.credentials));
  }
}

const MAX_PAGES = 200;

async function listTeams(call: ProviderCall, auth: LinearAuth): Promise<SyncedResource[]> {
  const urlKey = call.connection.config.organizationUrlKey;
  // fetchNext appends each page to the same connection's nodes; the cap guards against a cursor loop.
  const connection = await linearSdk(auth).teams({ first: 50 });
  for (let pages = 1; connection.pageInfo.hasNextPage && pages < MAX_PAGES; pages += 1) await connection.fetchNext();
  return connection.nodes.map((team) => {
    const url = typeof urlKey === "string" ? `${env().LINEAR_WEB_URL}/${urlKey}/team/${team.key}` : null;
    return { kind: "team", externalId: team.id, name: team.name, url };
  });
}

export const client: ProviderClient = {
  check: (call) =>
    withAuth(call, async (auth) => {
      const identity = await linearIdentity(auth);
      const tokenExpiresAt = call.connection.method === "oauth" ? (call.connection.tokenExpiresAt ?? null) : null;
      return { name: identity.name, externalId: identity.externalId, tokenExpiresAt, config: identity.config };
    }),
  sync: (call) => withAuth(call, (auth) => listTeams(call, auth)),
};
