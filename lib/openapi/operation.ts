// One OpenAPI operation from a route()'s declared meta: the zod schemas the pipeline
// validates with become the parameters and request body, so the document cannot drift.
import { z } from "zod";
import { PERMISSIONS, type Permission } from "../authz/permissions";
import type { RouteMeta } from "../http/route";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** The input side (what a caller sends), as JSON Schema 2020-12, which OpenAPI 3.1 uses. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = inputSchema(schema);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    schema: property,
  }));
}

const SECURITY: Record<RouteMeta["auth"], Record<string, string[]>[]> = {
  none: [],
  session: [{ sessionCookie: [] }],
  apiKey: [{ apiKey: [] }],
  both: [{ sessionCookie: [] }, { apiKey: [] }],
  scim: [{ scimToken: [] }],
};

const ERROR_RESPONSES = {
  "400": "Malformed request (JSON, or a path that does not percent-decode)",
  "401": "Authentication required",
  "403": "The caller's role lacks the permission",
  "404": "Not found (also answered to non-members of the organization)",
  "422": "Invalid params, query or body; details list each issue",
  "429": "Rate limited; see Retry-After",
  "500": "Unexpected error (carries only the request id)",
  "503": "The database connection was lost; retry after Retry-After",
};

export function tagOf(template: string): string {
  if (template.startsWith("/api/scim/")) return "scim";
  const parts = template.split("/").slice(3); // after /api/v1
  if (parts[0] === "orgs" && parts[1] === "[slug]" && parts[2]) return parts[2];
  return parts[0] ?? "api";
}

export function operation(method: string, template: string, meta: RouteMeta) {
  const permission = meta.permission as Permission | undefined;
  const who = meta.auth === "none" ? "No authentication." : meta.auth === "scim" ? "Requires the organization's SCIM directory token; answers in SCIM's format (application/scim+json)." : permission
    ? `Requires the \`${permission}\` permission in the organization (${PERMISSIONS[permission].description.toLowerCase()}).`
    : "Requires a signed-in caller.";
  const errors: Record<string, { description: string; content?: unknown }> = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    operationId: `${method.toLowerCase()}${template.replace(/^\/api\/(v1|scim\/v2)/, (_, api: string) => (api === "v1" ? "" : "/scim")).replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: `${method} ${template.replace(/\[(\w+)\]/g, "{$1}")}`,
    description: who,
    tags: [tagOf(template)],
    security: SECURITY[meta.auth],
    ...(permission ? { "x-bastion-permission": permission } : {}),
    parameters: [...parameters(meta.schemas.params, "path"), ...parameters(meta.schemas.query, "query")],
    ...(meta.schemas.body
      ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(meta.schemas.body) } } } }
      : {}),
    responses: { "200": { description: "Success (JSON)" }, ...errors } as Record<string, { description: string; content?: unknown }>,
  };
}
