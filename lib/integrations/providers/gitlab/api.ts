// A GitBeaker client for one connection: gitlab.com or the connection's self-managed
// base URL, a project/group access token (PRIVATE-TOKEN) or an OAuth token (Bearer).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { Gitlab } from "@gitbeaker/rest";
import { env } from "../../../env";
import type { ConnectionRef } from "../../types";
import { gitlabRequester } from "./requester";

export function gitlabUrl(baseUrl: string | null | undefined): string {
  return (baseUrl ?? env().GITLAB_URL).replace(/\/+$/, "");
}

export function gitlabApi(connection: Pick<ConnectionRef, "baseUrl">, auth: { token: string } | { oauthToken: string }) {
  // Retries and timeouts live in the requester; GitBeaker's client-side rate limiter is not needed.
  return new Gitlab({ host: gitlabUrl(connection.baseUrl), ...auth, requesterFn: gitlabRequester, rateLimits: {}, queryTimeout: null });
}
