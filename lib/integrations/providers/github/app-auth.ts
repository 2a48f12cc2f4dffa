// The GitHub App's identity: app JWTs and installation access tokens, minted with
// @octokit/auth-app from GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY. Installation tokens
// live an hour; each is kept in this process and reused until 5 minutes before it
// expires (auth-app's own cache assumes 59 minutes whatever GitHub says), and
// concurrent callers share one mint.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { createAppAuth } from "@octokit/auth-app";
import { env } from "../../../env";
import { processSingleton } from "../../../runtime";
import { ProviderError } from "../../outbound/errors";
import { toProviderError } from "../../outbound/sdk-errors";
import { githubApiUrl, octokit } from "./octokit";

export type InstallationToken = { token: string; expiresAt: Date };

const REUSE_UNTIL_BEFORE_EXPIRY_MS = 5 * 60_000;

type AppSettings = { appId: string; privateKey: string; slug: string | null };

/** The configured app, or null when GITHUB_APP_ID / GITHUB_APP_PRIVATE_KEY are unset. */
export function githubAppSettings(): AppSettings | null {
  const { GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY, GITHUB_APP_SLUG } = env();
  if (!GITHUB_APP_ID || !GITHUB_APP_PRIVATE_KEY) return null;
  // A PEM in one environment line arrives with literal "\n" escapes.
  return { appId: GITHUB_APP_ID, privateKey: GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, "\n"), slug: GITHUB_APP_SLUG ?? null };
}

function requireApp(): AppSettings {
  const app = githubAppSettings();
  if (!app) throw new ProviderError("github", "failed", "no GitHub App is configured (GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY)");
  return app;
}

function appAuth(app: AppSettings) {
  return createAppAuth({ appId: app.appId, privateKey: app.privateKey, request: octokit(undefined, githubApiUrl()).request });
}

/** A JWT for the app's own endpoints (/app/…), valid ten minutes. */
export async function appJwt(): Promise<string> {
  try {
    return (await appAuth(requireApp())({ type: "app" })).token;
  } catch (error) {
    throw toProviderError("github", error);
  }
}

type TokenCache = { tokens: Map<string, InstallationToken>; minting: Map<string, Promise<InstallationToken>> };

function cache(): TokenCache {
  return processSingleton("github-installation-tokens", () => ({ tokens: new Map(), minting: new Map() }));
}

export async function installationToken(installationId: number): Promise<InstallationToken> {
  const app = requireApp();
  const key = `${githubApiUrl()}|${app.appId}|${installationId}`;
  const { tokens, minting } = cache();
  const cached = tokens.get(key);
  if (cached && cached.expiresAt.getTime() - REUSE_UNTIL_BEFORE_EXPIRY_MS > Date.now()) return cached;
  const pending = minting.get(key);
  if (pending) return pending;
  const mint = mintInstallationToken(app, installationId)
    .then((token) => (tokens.set(key, token), token))
    .finally(() => minting.delete(key));
  minting.set(key, mint);
  return mint;
}

async function mintInstallationToken(app: AppSettings, installationId: number): Promise<InstallationToken> {
  try {
    // refresh: our cache decides reuse, not auth-app's fixed 59-minute one.
    const minted = await appAuth(app)({ type: "installation", installationId, refresh: true });
    return { token: minted.token, expiresAt: new Date(minted.expiresAt) };
  } catch (error) {
    throw toProviderError("github", error);
  }
}

/** Drops cached installation tokens (an uninstalled app, tests). */
export function forgetInstallationTokens(): void {
  cache().tokens.clear();
}
