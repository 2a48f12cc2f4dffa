// Linear's GraphQL API as @linear/sdk queries it (POST /graphql: viewer, organization,
// teams with Relay cursor pagination; an API key bare in Authorization or an OAuth
// Bearer token; refusals as typed GraphQL errors with HTTP 400, as Linear answers) and
// its OAuth endpoints (/oauth/authorize with PKCE S256, /oauth/token).
// Plain Node only: the browser tests' global setup loads the stand-ins.
import { standInCredentials } from "./credentials";
import { json, startStandInServer, type StandInReply, type StandInRequest, type StandInServer } from "./http";
import { createOAuthAuthority, type OAuthAuthority } from "./oauth";

const creds = standInCredentials.linear;
const stamp = "2024-01-15T10:00:00.000Z";
const viewer = { __typename: "User", id: "8f9c2a8e-user-0001", name: "Jane Doe", displayName: "jane", email: "jane@acme.test", active: true, admin: true, app: false, isMe: true, guest: false, createdAt: stamp, updatedAt: stamp, url: "https://linear.app/acme/profiles/jane" };
const organization = { __typename: "Organization", id: "2b3c4d5e-org-0001", name: "Acme", urlKey: "acme", createdAt: stamp, updatedAt: stamp, userCount: 12, allowedAuthServices: [], previousUrlKeys: [], projectStatuses: [], subscription: null, roadmapEnabled: false };
const teams = [
  { __typename: "Team", id: "team-eng-0001", key: "ENG", name: "Engineering", createdAt: stamp, updatedAt: stamp, private: false },
  { __typename: "Team", id: "team-des-0002", key: "DES", name: "Design", createdAt: stamp, updatedAt: stamp, private: false },
  { __typename: "Team", id: "team-ops-0003", key: "OPS", name: "Operations", createdAt: stamp, updatedAt: stamp, private: false },
];

export type LinearStandIn = StandInServer & { oauth: OAuthAuthority };

const graphqlError = (message: string, type: string, code: string): StandInReply =>
  json(400, { errors: [{ message, extensions: { type, code, userError: true, userPresentableMessage: message } }] });

function teamsPage(variables: Record<string, unknown>): object {
  const first = Math.min(Number(variables.first ?? 50), 2);
  const start = typeof variables.after === "string" ? teams.findIndex((team) => team.id === variables.after) + 1 : 0;
  const nodes = teams.slice(start, start + first);
  const last = nodes.at(-1);
  const pageInfo = { __typename: "PageInfo", hasNextPage: start + nodes.length < teams.length, hasPreviousPage: start > 0, startCursor: nodes[0]?.id ?? null, endCursor: last?.id ?? null };
  return { __typename: "TeamConnection", nodes, pageInfo };
}

export async function startLinearStandIn(options: { port?: number } = {}): Promise<LinearStandIn> {
  const oauth = createOAuthAuthority({ client: creds, pkce: true, tokenPrefix: "lin_oauth_", lifetimeSeconds: 86_400, rotateRefreshTokens: true });

  function authorized(request: StandInRequest): boolean {
    const header = String(request.headers.authorization ?? "");
    if (header === creds.apiKey) return true;
    const bearer = request.auth();
    return bearer?.scheme === "bearer" && oauth.accepts(bearer.value);
  }

  function handle(request: StandInRequest): StandInReply {
    const { method, path } = request;
    if (method === "GET" && path === "/oauth/authorize") return oauth.authorize(request);
    if (method === "POST" && path === "/oauth/token") return oauth.token(request);
    if (method !== "POST" || path !== "/graphql") return json(404, { errors: [{ message: "Not found" }] });
    if (!authorized(request)) return graphqlError("Authentication required, not authenticated", "authentication error", "AUTHENTICATION_ERROR");
    const { query, variables } = request.json() as { query?: string; variables?: Record<string, unknown> };
    const operation = /^\s*query\s+(\w+)/.exec(query ?? "")?.[1];
    if (operation === "viewer") return json(200, { data: { viewer } });
    if (operation === "organization") return json(200, { data: { organization } });
    if (operation === "teams") return json(200, { data: { teams: teamsPage(variables ?? {}) } });
    return graphqlError(`The stand-in does not answer ${operation ?? "this query"}`, "invalid input", "INVALID_INPUT");
  }

  const server = await startStandInServer(handle, options);
  return { ...server, oauth };
}
