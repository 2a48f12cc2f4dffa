// Octokit instances for GitHub (or GitHub Enterprise Server, or a stand-in): base URL
// from GITHUB_API_URL (or the connection's own), timeout and retries from the outbound
// policy through Octokit's custom fetch.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { Octokit } from "@octokit/rest";
import { env } from "../../../env";
import { logger } from "../../../logger";
import { policyFetch } from "../../outbound/fetch";
import type { ConnectionRef } from "../../types";

/** GitHub Apps live on the instance's API; a token connection may name its own (GHES). */
export function githubApiUrl(connection?: Pick<ConnectionRef, "baseUrl" | "method">): string {
  const own = connection?.method === "token" ? connection.baseUrl : null;
  return (own ?? env().GITHUB_API_URL).replace(/\/+$/, "");
}

const quiet = {
  debug: () => {},
  info: () => {},
  warn: (message: string) => logger.warn({ provider: "github" }, message),
  error: (message: string) => logger.error({ provider: "github" }, message),
};

/** `auth` is a token (installation, PAT) or an app JWT; Octokit picks "token" or "bearer". */
export function octokit(auth: string | undefined, baseUrl: string): Octokit {
  return new Octokit({ auth, baseUrl, userAgent: "Bastion", log: quiet, request: { fetch: policyFetch("github") } });
}
