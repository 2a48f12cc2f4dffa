// Jira's outbound half. Methods: "api_key" (Cloud: EMAIL + API_TOKEN, baseUrl = the
// site), "token" (Data Center: a personal access token in API_TOKEN, baseUrl = the
// instance) and "oauth" (Cloud 3LO: ACCESS_TOKEN + REFRESH_TOKEN, cloud id in
// config.cloudId or externalId). Jira credentials belong to a person, so no botUserId.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { Version2Client, Version3Client } from "jira.js";
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import { withAccessToken } from "../../outbound/token-refresh";
import type { CheckResult, ConnectionRef, ProviderCall, ProviderClient, SyncedResource } from "../../types";
import { cloudBasicClient, cloudIdOf, cloudOAuthClient, dataCenterClient, deploymentOf, siteUrlOf } from "./api";
import { refreshJiraToken } from "./oauth";

type Jira = { deployment: "cloud"; api: Version3Client } | { deployment: "datacenter"; api: Version2Client };
type Project = { id?: string; key?: string; name?: string };

function credential(call: ProviderCall, name: string): string {
  const value = call.credentials[name];
  if (!value) throw new ProviderError("jira", "unauthorized", `no ${name.toLowerCase().replace("_", " ")} is stored for this connection`);
  return value;
}

async function withJira<T>(call: ProviderCall, run: (jira: Jira) => Promise<T>): Promise<T> {
  const secrets = Object.values(call.credentials);
  // Inside the refresh wrapper, so a 401 is already a ProviderError it can react to.
  const attempt = async (jira: Jira) => {
    try {
      return await run(jira);
    } catch (error) {
      throw toProviderError("jira", error, secrets);
    }
  };
  try {
    if (call.connection.method === "oauth") {
      const cloudId = cloudIdOf(call.connection);
      return await withAccessToken(call, refreshJiraToken, (token) => attempt({ deployment: "cloud", api: cloudOAuthClient(cloudId, token) }));
    }
    if (deploymentOf(call.connection) === "datacenter") return await attempt({ deployment: "datacenter", api: dataCenterClient(call.connection, credential(call, "API_TOKEN")) });
    return await attempt({ deployment: "cloud", api: cloudBasicClient(call.connection, credential(call, "EMAIL"), credential(call, "API_TOKEN")) });
  } catch (error) {
    throw toProviderError("jira", error, secrets);
  }
}

function hostOf(url: string | null): string | null {
  return url && URL.canParse(url) ? new URL(url).host : null;
}

async function check(call: ProviderCall, jira: Jira): Promise<CheckResult> {
  // Cloud users have an accountId; Data Center ones a key and a user name.
  const api = jira.api as Version3Client; // v2 and v3 share these two endpoints' shapes
  const me: { accountId?: string; key?: string; name?: string } = await api.myself.getCurrentUser();
  const info = await api.serverInfo.getServerInfo();
  const siteUrl = siteUrlOf(call.connection) ?? info.baseUrl ?? null;
  const cloudId = call.connection.method === "oauth" ? cloudIdOf(call.connection) : null;
  const name = (jira.deployment === "datacenter" ? info.serverTitle : null) ?? hostOf(siteUrl) ?? info.serverTitle ?? "Jira";
  const config = { deployment: jira.deployment, siteUrl, accountId: me.accountId ?? me.key ?? me.name ?? null, ...(cloudId ? { cloudId } : {}) };
  return { name, externalId: cloudId, tokenExpiresAt: call.connection.method === "oauth" ? (call.connection.tokenExpiresAt ?? null) : null, config };
}

async function listProjects(jira: Jira): Promise<Project[]> {
  if (jira.deployment === "datacenter") {
    // Data Center has no /project/search; GET /rest/api/2/project lists every visible project.
    return jira.api.sendRequest<Project[]>({ url: "/rest/api/2/project", method: "GET" }, undefined as never);
  }
  const projects: Project[] = [];
  for (let startAt = 0; ; ) {
    const page = await jira.api.projects.searchProjects({ startAt, maxResults: 50 });
    projects.push(...page.values);
    if (page.isLast || page.values.length === 0) return projects;
    startAt += page.values.length;
  }
}

function toResource(connection: ConnectionRef, project: Project): SyncedResource {
  const site = siteUrlOf(connection);
  return { kind: "project", externalId: String(project.id), name: project.name ?? project.key ?? String(project.id), url: site && project.key ? `${site}/browse/${project.key}` : null };
}

export const client: ProviderClient = {
  check: (call) => withJira(call, (jira) => check(call, jira)),
  sync: (call) => withJira(call, async (jira) => (await listProjects(jira)).map((project) => toResource(call.connection, project))),
};
