// A SCIM client for tests: issues an org's directory token through the domain and calls
// the real SCIM route handlers as an IdP would (bearer token, application/scim+json).
import * as groupRoute from "@/app/api/scim/v2/[slug]/Groups/[id]/route";
import * as groupsRoute from "@/app/api/scim/v2/[slug]/Groups/route";
import * as resourceTypesRoute from "@/app/api/scim/v2/[slug]/ResourceTypes/route";
import * as schemasRoute from "@/app/api/scim/v2/[slug]/Schemas/route";
import * as configRoute from "@/app/api/scim/v2/[slug]/ServiceProviderConfig/route";
import * as userRoute from "@/app/api/scim/v2/[slug]/Users/[id]/route";
import * as usersRoute from "@/app/api/scim/v2/[slug]/Users/route";
import { issueScimToken } from "../scim/directory";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = Partial<Record<string, Handler>>;

const ROUTES: [RegExp, Module][] = [
  [/^\/ServiceProviderConfig$/, configRoute as Module],
  [/^\/ResourceTypes$/, resourceTypesRoute as Module],
  [/^\/Schemas$/, schemasRoute as Module],
  [/^\/Users$/, usersRoute as Module],
  [/^\/Users\/(?<id>[^/?]+)$/, userRoute as Module],
  [/^\/Groups$/, groupsRoute as Module],
  [/^\/Groups\/(?<id>[^/?]+)$/, groupRoute as Module],
];

export async function issueTestScimToken(org: { id: string; slug: string }, ownerId: string): Promise<string> {
  const { token } = await issueScimToken({ actor: { userId: ownerId, type: "user" }, org, role: "owner", requestId: "test", ip: null, userAgent: null });
  return token;
}

export type ScimAnswer = { status: number; contentType: string | null; body: any };

/** `path` is relative to the org's SCIM base (`/Users?filter=…`). */
export async function scimCall(slug: string, authorization: string | null, method: string, path: string, body?: unknown): Promise<ScimAnswer> {
  const [pathname] = path.split("?");
  const match = ROUTES.map(([pattern, module]) => ({ found: pattern.exec(pathname!), module })).find((candidate) => candidate.found);
  const handler = match?.module[method];
  if (!match || !handler) throw new Error(`no SCIM route for ${method} ${path}`);
  const headers: Record<string, string> = { accept: "application/scim+json" };
  if (authorization) headers.authorization = authorization;
  if (body !== undefined) headers["content-type"] = "application/scim+json";
  const url = `http://localhost:3000/api/scim/v2/${slug}${path.replace(/ /g, "%20").replace(/"/g, "%22")}`;
  const response = await handler(new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve({ slug, ...(match.found!.groups ?? {}) }),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), body: text ? JSON.parse(text) : null };
}
