// GitHub's outbound half: check and sync for the two connect methods. "app": a GitHub
// App installation (installation id in config.installationId or externalId), called
// with installation tokens; "token": a fine-grained personal access token (API_TOKEN).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import type { CheckResult, ConnectionRef, ProviderCall, ProviderClient, SyncedResource } from "../../types";
import { appJwt, githubAppSettings, installationToken } from "./app-auth";
import { githubApiUrl, octokit } from "./octokit";

type Repository = { id: number; full_name: string; html_url: string };

export function installationIdOf(connection: ConnectionRef): number {
  const raw = connection.config.installationId ?? connection.externalId;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new ProviderError("github", "failed", "the connection has no installation id");
  return id;
}

function tokenOf(call: ProviderCall): string {
  const token = call.credentials.API_TOKEN;
  if (!token) throw new ProviderError("github", "unauthorized", "no API token is stored for this connection");
  return token;
}

async function checkInstallation(call: ProviderCall): Promise<CheckResult> {
  const installationId = installationIdOf(call.connection);
  const app = octokit(await appJwt(), githubApiUrl());
  const { data: installation } = await app.rest.apps.getInstallation({ installation_id: installationId });
  const minted = await installationToken(installationId);
  const account = installation.account as { login?: string; slug?: string; name?: string; type?: string } | null;
  const slug = githubAppSettings()?.slug ?? installation.app_slug;
  // Events the app itself causes come from "<slug>[bot]": that user's id feeds the loop guard.
  const { data: bot } = await octokit(minted.token, githubApiUrl()).rest.users.getByUsername({ username: `${slug}[bot]` });
  return {
    name: account?.login ?? account?.slug ?? account?.name ?? `installation ${installationId}`,
    externalId: String(installationId),
    tokenExpiresAt: minted.expiresAt,
    config: { installationId, accountLogin: account?.login ?? account?.slug ?? null, accountType: account?.type ?? installation.target_type, botLogin: bot.login, botUserId: String(bot.id) },
  };
}

async function checkToken(call: ProviderCall): Promise<CheckResult> {
  const response = await octokit(tokenOf(call), githubApiUrl(call.connection)).rest.users.getAuthenticated();
  // Fine-grained tokens state their expiry on every response ("2026-03-01 12:00:00 UTC").
  const expiry = response.headers["github-authentication-token-expiration"];
  const tokenExpiresAt = typeof expiry === "string" && !Number.isNaN(Date.parse(expiry)) ? new Date(Date.parse(expiry)) : null;
  // A personal token acts as a person: their events are real activity, so no botUserId.
  return { name: response.data.login, externalId: String(response.data.id), tokenExpiresAt, config: { accountLogin: response.data.login, accountId: String(response.data.id) } };
}

async function listRepositories(call: ProviderCall): Promise<Repository[]> {
  if (call.connection.method === "app") {
    const { token } = await installationToken(installationIdOf(call.connection));
    return octokit(token, githubApiUrl()).paginate("GET /installation/repositories", { per_page: 100 });
  }
  return octokit(tokenOf(call), githubApiUrl(call.connection)).paginate("GET /user/repos", { per_page: 100 });
}

export const client: ProviderClient = {
  async check(call) {
    try {
      return call.connection.method === "app" ? await checkInstallation(call) : await checkToken(call);
    } catch (error) {
      throw toProviderError("github", error, Object.values(call.credentials));
    }
  },
  async sync(call): Promise<SyncedResource[]> {
    try {
      const repositories = await listRepositories(call);
      return repositories.map((repo) => ({ kind: "repository", externalId: String(repo.id), name: repo.full_name, url: repo.html_url }));
    } catch (error) {
      throw toProviderError("github", error, Object.values(call.credentials));
    }
  },
};
