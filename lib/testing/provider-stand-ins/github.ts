// GitHub's REST API as Octokit and @octokit/auth-app call it: GET /user, /user/repos,
// /installation/repositories, /users/:login, GET /app/installations/:id and POST
// /app/installations/:id/access_tokens (the app JWT's RS256 signature checked with the
// public half of a key pair made at start), plus the app's install page on the web side.
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import { standInCredentials } from "./credentials";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "./http";
import { linkPage } from "./pagination";

const creds = standInCredentials.github;
const user = { login: "octocat", id: 583231, type: "User", name: "The Octocat" };
const account = { login: "acme-org", id: 9001, type: "Organization" };
const bot = { login: `${creds.appSlug}[bot]`, id: 7001, type: "Bot" };
const repo = (id: number, owner: string, name: string) => ({ id, name, full_name: `${owner}/${name}`, private: false, html_url: `https://github.com/${owner}/${name}`, owner: { login: owner } });
const userRepos = [repo(1296269, "octocat", "Hello-World"), repo(1296270, "octocat", "Spoon-Knife"), repo(1296271, "octocat", "linguist")];
const installationRepos = [repo(2001, "acme-org", "api"), repo(2002, "acme-org", "web"), repo(2003, "acme-org", "infra")];

export type GitHubStandIn = StandInServer & {
  /** The app's PEM private key (PKCS#1, as GitHub issues it), for GITHUB_APP_PRIVATE_KEY. */
  appPrivateKey: string;
  /** Installation access tokens minted so far. */
  mintedTokens(): number;
  /** When the personal token expires (sent as github-authentication-token-expiration). */
  tokenExpiresAt: Date;
};

/** A fresh app key, PEM PKCS#1 as GitHub issues them; the stand-in checks JWTs against its public half. */
export function newGitHubAppPrivateKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
}

const badCredentials = (): StandInReply => json(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });

export async function startGitHubStandIn(options: { port?: number; appPrivateKey?: string; setupUrl?: string } = {}): Promise<GitHubStandIn> {
  const appPrivateKey = options.appPrivateKey ?? newGitHubAppPrivateKey();
  const publicKey = createPublicKey(appPrivateKey);
  const installationTokens = new Map<string, number>();
  const tokenExpiresAt = new Date(Date.now() + 30 * 24 * 3600_000);
  let origin = "";

  function handle(request: StandInRequest): StandInReply {
    const { method, path } = request;
    const token = request.auth()?.value ?? "";
    const install = /^\/apps\/([\w-]+)\/installations\/new$/.exec(path);
    if (method === "GET" && install) return installPage(request, options.setupUrl);
    const app = /^\/app\/installations\/(\d+)(\/access_tokens)?$/.exec(path);
    if (app) {
      if (!validAppJwt(token, publicKey)) return json(401, { message: "A JSON web token could not be decoded", documentation_url: "https://docs.github.com/rest" });
      if (Number(app[1]) !== creds.installationId) return json(404, { message: "Not Found" });
      if (method === "POST" && app[2]) {
        const minted = `ghs_${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
        const expiresAt = Date.now() + 3600_000;
        installationTokens.set(minted, expiresAt);
        return json(201, { token: minted, expires_at: new Date(expiresAt).toISOString(), permissions: { metadata: "read", contents: "read" }, repository_selection: "all" });
      }
      if (method === "GET" && !app[2]) return json(200, { id: creds.installationId, account, app_slug: creds.appSlug, app_id: Number(creds.appId), target_type: "Organization" });
    }
    const isInstallation = (installationTokens.get(token) ?? 0) > Date.now();
    const isUser = token === creds.token;
    if (!isInstallation && !isUser) return badCredentials();
    const expiry: Record<string, string> = isUser ? { "github-authentication-token-expiration": tokenExpiresAt.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC") } : {};
    if (method === "GET" && path === "/user" && isUser) return json(200, user, expiry);
    if (method === "GET" && path === "/user/repos" && isUser) {
      const page = linkPage(userRepos, request, origin, 2);
      return json(200, page.items, { ...page.headers, ...expiry });
    }
    if (method === "GET" && path === "/installation/repositories" && isInstallation) {
      const page = linkPage(installationRepos, request, origin, 2);
      return json(200, { total_count: installationRepos.length, repository_selection: "all", repositories: page.items }, page.headers);
    }
    if (method === "GET" && path === `/users/${encodeURIComponent(bot.login)}`) return json(200, bot);
    if (method === "GET" && path === `/users/${bot.login}`) return json(200, bot);
    return json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  }

  const server = await startStandInServer(handle, options);
  origin = server.url;
  return { ...server, appPrivateKey, tokenExpiresAt, mintedTokens: () => installationTokens.size };
}

/** GitHub sends the admin to the app's Setup URL with the installation and our state. */
function installPage(request: StandInRequest, setupUrl: string | undefined): StandInReply {
  if (!setupUrl) return { status: 200, body: "<!doctype html><title>Install app</title><h1>Install the app</h1>" };
  const target = new URL(setupUrl);
  target.searchParams.set("installation_id", String(creds.installationId));
  target.searchParams.set("setup_action", "install");
  if (request.query.get("state")) target.searchParams.set("state", request.query.get("state")!);
  return { status: 302, headers: { location: target.toString() } };
}

/** An RS256 app JWT signed by the app's key, issued by the app, not expired, iat not in the future. */
function validAppJwt(token: string, publicKey: KeyObject): boolean {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return false;
  const ok = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url"));
  if (!ok) return false;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: number; iat?: number };
  const now = Math.floor(Date.now() / 1000);
  return String(claims.iss) === creds.appId && (claims.exp ?? 0) > now && (claims.iat ?? Infinity) <= now + 60;
}
