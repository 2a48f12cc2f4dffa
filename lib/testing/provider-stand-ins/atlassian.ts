// Atlassian as jira.js and the 3LO flow call it, on one server: the auth side
// (/authorize, /oauth/token: code exchange and rotating refresh, no PKCE), the API
// gateway (/oauth/token/accessible-resources, /ex/jira/<cloudId>/rest/api/3/… with
// Bearer), a Cloud site under /site (basic auth, email + API token) and a Data Center
// instance under /dc (REST API v2, Bearer personal access token).
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { standInCredentials } from "./credentials";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "./http";
import { createOAuthAuthority, type OAuthAuthority } from "./oauth";

const creds = standInCredentials.jira;
const cloudUser = { accountId: "5b10ac8d82e05b22cc7d4ef5", accountType: "atlassian", emailAddress: creds.email, displayName: "Acme Admin", active: true };
const dcUser = { name: "jdoe", key: "JIRAUSER10000", emailAddress: "jdoe@acme.test", displayName: "Jane Doe", active: true };
const projects = [
  { id: "10000", key: "ENG", name: "Engineering", projectTypeKey: "software" },
  { id: "10001", key: "OPS", name: "Operations", projectTypeKey: "business" },
  { id: "10002", key: "SUP", name: "Support", projectTypeKey: "service_desk" },
];

export type AtlassianStandIn = StandInServer & {
  oauth: OAuthAuthority;
  /** Base URL of the Cloud site (basic auth) and of the Data Center instance. */
  siteUrl: string;
  dataCenterUrl: string;
};

const unauthenticated = (): StandInReply => json(401, { errorMessages: ["You are not authenticated. Authentication required to perform this operation."], errors: {} });

export async function startAtlassianStandIn(options: { port?: number } = {}): Promise<AtlassianStandIn> {
  const oauth = createOAuthAuthority({ client: creds, pkce: false, tokenPrefix: "atl-", lifetimeSeconds: 3600, rotateRefreshTokens: true });
  let origin = "";
  const basic = `Basic ${Buffer.from(`${creds.email}:${creds.apiToken}`).toString("base64")}`;
  const bearerOk = (request: StandInRequest) => request.auth()?.scheme === "bearer" && oauth.accepts(request.auth()!.value);

  function jiraApi(request: StandInRequest, version: "2" | "3", rest: string, siteUrl: string, user: object): StandInReply {
    if (request.method !== "GET") return json(405, { errorMessages: ["Method not allowed"] });
    if (rest === "myself") return json(200, user);
    if (rest === "serverInfo") return json(200, { baseUrl: siteUrl, version: version === "3" ? "1001.0.0-SNAPSHOT" : "9.12.2", deploymentType: version === "3" ? "Cloud" : "Server", serverTitle: version === "3" ? "Jira" : "Acme Jira" });
    if (rest === "project" && version === "2") return json(200, projects);
    if (rest === "project/search" && version === "3") {
      const startAt = Number(request.query.get("startAt") ?? 0);
      const maxResults = Math.min(Number(request.query.get("maxResults") ?? 50), 2);
      const values = projects.slice(startAt, startAt + maxResults);
      const isLast = startAt + values.length >= projects.length;
      return json(200, { self: `${siteUrl}/rest/api/3/project/search`, startAt, maxResults, total: projects.length, isLast, values });
    }
    return json(404, { errorMessages: ["The requested resource was not found"], errors: {} });
  }

  function handle(request: StandInRequest): StandInReply {
    const { method, path } = request;
    if (method === "GET" && path === "/authorize") return oauth.authorize(request);
    if (method === "POST" && path === "/oauth/token") return oauth.token(request);
    if (method === "GET" && path === "/oauth/token/accessible-resources") {
      if (!bearerOk(request)) return json(401, { code: 401, message: "Unauthorized" });
      return json(200, [{ id: creds.cloudId, url: `${origin}/site`, name: "acme", scopes: ["read:jira-work", "read:jira-user"], avatarUrl: "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png" }]);
    }
    const gateway = /^\/ex\/jira\/([\w-]+)\/rest\/api\/3\/(.+)$/.exec(path);
    if (gateway) {
      if (!bearerOk(request)) return json(401, { code: 401, message: "Unauthorized" });
      if (gateway[1] !== creds.cloudId) return json(404, { errorMessages: ["Site not found"] });
      return jiraApi(request, "3", gateway[2]!, `${origin}/site`, cloudUser);
    }
    const site = /^\/site\/rest\/api\/3\/(.+)$/.exec(path);
    if (site) return request.headers.authorization === basic ? jiraApi(request, "3", site[1]!, `${origin}/site`, cloudUser) : unauthenticated();
    const dc = /^\/dc\/rest\/api\/2\/(.+)$/.exec(path);
    if (dc) {
      const ok = request.auth()?.scheme === "bearer" && request.auth()!.value === creds.personalAccessToken;
      return ok ? jiraApi(request, "2", dc[1]!, `${origin}/dc`, dcUser) : unauthenticated();
    }
    return json(404, { errorMessages: ["Not found"] });
  }

  const server = await startStandInServer(handle, options);
  origin = server.url;
  return { ...server, oauth, siteUrl: `${origin}/site`, dataCenterUrl: `${origin}/dc` };
}
