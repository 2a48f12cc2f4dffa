// jira.js clients for the three ways a Jira connection reaches its site: Cloud with an
// email + API token (basic auth, the site's own URL), Cloud over OAuth 2.0 (3LO) through
// the API gateway (ATLASSIAN_API_URL/ex/jira/<cloudId>), and Data Center with a personal
// access token (Bearer, REST API v2). axios under jira.js uses its fetch adapter with the
// outbound policy's fetch, for the timeout and retries.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { Version2Client, Version3Client } from "jira.js";
import { env } from "../../../env";
import { ProviderError } from "../../outbound/errors";
import { policyFetch } from "../../outbound/fetch";
import type { ConnectionRef } from "../../types";

export type JiraDeployment = "cloud" | "datacenter";

/** "token" is a Data Center personal access token; "api_key" and "oauth" are Cloud. */
export function deploymentOf(connection: Pick<ConnectionRef, "method">): JiraDeployment {
  return connection.method === "token" ? "datacenter" : "cloud";
}

export function cloudIdOf(connection: Pick<ConnectionRef, "config" | "externalId">): string {
  const cloudId = connection.config.cloudId ?? connection.externalId;
  if (typeof cloudId !== "string" || !cloudId) throw new ProviderError("jira", "failed", "the connection has no Jira cloud id");
  return cloudId;
}

/** The Jira site people browse (links to projects and issues). */
export function siteUrlOf(connection: Pick<ConnectionRef, "config" | "baseUrl">): string | null {
  const site = connection.config.siteUrl ?? connection.baseUrl;
  return typeof site === "string" ? site.replace(/\/+$/, "") : null;
}

function siteBaseUrl(connection: Pick<ConnectionRef, "baseUrl">): string {
  if (!connection.baseUrl) throw new ProviderError("jira", "failed", "the connection has no Jira base URL");
  return connection.baseUrl.replace(/\/+$/, "");
}

const transport = () => ({ adapter: "fetch", env: { fetch: policyFetch("jira") } });

export function cloudBasicClient(connection: Pick<ConnectionRef, "baseUrl">, email: string, apiToken: string): Version3Client {
  return new Version3Client({ host: siteBaseUrl(connection), authentication: { basic: { email, apiToken } }, baseRequestConfig: transport() });
}

/** With a host and only an access token, jira.js sends it as Bearer; refresh is ours (withAccessToken). */
export function cloudOAuthClient(cloudId: string, accessToken: string): Version3Client {
  const host = `${env().ATLASSIAN_API_URL}/ex/jira/${encodeURIComponent(cloudId)}`;
  return new Version3Client({ host, authentication: { oauth2: { accessToken } }, baseRequestConfig: transport() });
}

export function dataCenterClient(connection: Pick<ConnectionRef, "baseUrl">, personalAccessToken: string): Version2Client {
  return new Version2Client({ host: siteBaseUrl(connection), authentication: { oauth2: { accessToken: personalAccessToken } }, baseRequestConfig: transport() });
}
