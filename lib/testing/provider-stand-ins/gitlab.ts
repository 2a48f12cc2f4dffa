// GitLab's REST API v4 as GitBeaker calls it (GET /user, /personal_access_tokens/self,
// /projects?membership=true with Link pagination; PRIVATE-TOKEN or Bearer auth) and its
// OAuth endpoints (/oauth/authorize, /oauth/token with PKCE S256 and refresh).
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { standInCredentials } from "./credentials";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "./http";
import { createOAuthAuthority, type OAuthAuthority } from "./oauth";
import { linkPage } from "./pagination";

const creds = standInCredentials.gitlab;
const tokenBot = { id: 4001, username: "project_42_bot_1f2e", name: "Bastion bot", bot: true, state: "active" };
const oauthUser = { id: 1001, username: "jdoe", name: "Jane Doe", bot: false, state: "active" };
const project = (id: number, path: string) => ({ id, name: path.split("/").pop(), path_with_namespace: path, web_url: `https://gitlab.example/${path}` });
const projects = [project(42, "acme/api"), project(43, "acme/web"), project(44, "acme/infra")];

export type GitLabStandIn = StandInServer & { oauth: OAuthAuthority; tokenExpiresOn: string };

const unauthorized = (): StandInReply => json(401, { message: "401 Unauthorized" });

export async function startGitLabStandIn(options: { port?: number } = {}): Promise<GitLabStandIn> {
  const oauth = createOAuthAuthority({ client: creds, pkce: true, tokenPrefix: "gloas-", lifetimeSeconds: 7200, rotateRefreshTokens: true });
  const tokenExpiresOn = new Date(Date.now() + 90 * 24 * 3600_000).toISOString().slice(0, 10);
  let origin = "";

  function whoFor(request: StandInRequest): typeof tokenBot | typeof oauthUser | null {
    const privateToken = request.headers["private-token"];
    if (privateToken === creds.token) return tokenBot;
    const bearer = request.auth();
    if (bearer?.scheme === "bearer" && bearer.value === creds.token) return tokenBot;
    if (bearer?.scheme === "bearer" && oauth.accepts(bearer.value)) return oauthUser;
    return null;
  }

  function handle(request: StandInRequest): StandInReply {
    const { method, path } = request;
    if (method === "GET" && path === "/oauth/authorize") return oauth.authorize(request);
    if (method === "POST" && path === "/oauth/token") return oauth.token(request);
    if (!path.startsWith("/api/v4/")) return json(404, { message: "404 Not Found" });
    const who = whoFor(request);
    if (!who) return unauthorized();
    const route = path.slice("/api/v4".length);
    if (method === "GET" && route === "/user") return json(200, who);
    if (method === "GET" && route === "/personal_access_tokens/self") {
      if (who !== tokenBot) return json(404, { message: "404 Not Found" });
      return json(200, { id: 77, name: "bastion", active: true, revoked: false, scopes: ["read_api"], user_id: tokenBot.id, expires_at: tokenExpiresOn });
    }
    if (method === "GET" && route === "/projects") {
      if (request.query.get("membership") !== "true") return json(400, { message: "stand-in lists membership projects only" });
      const page = linkPage(projects, request, origin, 2);
      return json(200, page.items, page.headers);
    }
    return json(404, { message: "404 Not Found" });
  }

  const server = await startStandInServer(handle, options);
  origin = server.url;
  return { ...server, oauth, tokenExpiresOn };
}
