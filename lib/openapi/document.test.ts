// The OpenAPI document covers every /api/v1 route on disk, with the schemas route() validates with.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument, openApiPath } from "./document";
import { API_ROUTES } from "./routes.generated";
import { HTTP_METHODS, type RouteModule } from "./types";
import { GET as serveDocument } from "@/app/api/v1/openapi.json/route";

const root = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

async function routesOnDisk() {
  const found: { template: string; method: string }[] = [];
  for (const file of [...routeFiles(path.join(root, "app", "api", "v1")), ...routeFiles(path.join(root, "app", "api", "scim"))]) {
    const template = `/${path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/")}`;
    const module = (await import(file)) as RouteModule;
    for (const method of HTTP_METHODS) if (module[method]) found.push({ template, method });
  }
  return found;
}

describe("OpenAPI document", () => {
  it("has an operation for every /api/v1 and /api/scim/v2 route handler on disk", async () => {
    const document = openApiDocument();
    const missing = (await routesOnDisk()).filter(
      ({ template, method }) => !document.paths[openApiPath(template)]?.[method.toLowerCase()],
    );
    expect(missing).toEqual([]);
  });

  it("lists in its registry exactly the route files on disk (else run npm run docs:openapi-routes)", async () => {
    const onDisk = [...new Set((await routesOnDisk()).map((route) => route.template))].sort();
    expect(Object.keys(API_ROUTES).sort()).toEqual(onDisk);
  });

  it("derives path and query parameters, the permission and security from route()", () => {
    const list = openApiDocument().paths["/api/v1/orgs/{slug}/members"]!.get!;
    expect(list.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "slug", in: "path", required: true }),
        expect.objectContaining({ name: "limit", in: "query", required: false, schema: expect.objectContaining({ maximum: 100 }) }),
      ]),
    );
    expect(list["x-bastion-permission"]).toBe("members:read");
    expect(list.description).toContain("members:read");
    // The members list accepts a session or an API key.
    expect(list.security).toEqual([{ sessionCookie: [] }, { apiKey: [] }]);
    expect(list.tags).toEqual(["members"]);
    expect(openApiDocument().paths["/api/v1/auth/sign-in"]!.post!.security).toEqual([]);
  });

  it("derives the request body from the body schema, and references the error shape", () => {
    const change = openApiDocument().paths["/api/v1/orgs/{slug}/members/{membershipId}"]!.patch!;
    const schema = change.requestBody?.content["application/json"].schema as { properties: Record<string, { enum?: string[] }> };
    expect(schema.properties.role!.enum).toEqual(["owner", "admin", "billing", "member"]);
    expect(change.responses["422"]).toEqual(
      expect.objectContaining({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }),
    );
    expect(openApiDocument().components).toHaveProperty("securitySchemes.apiKey.scheme", "bearer");
  });

  it("is served at GET /api/v1/openapi.json without authentication", async () => {
    const response = await serveDocument(new Request("http://localhost:3000/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(body.paths).toHaveProperty(["/api/v1/openapi.json"]);
  });
});
