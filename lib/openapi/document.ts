// The OpenAPI 3.1 document of /api/v1 and /api/scim/v2, built from every route()'s meta (see
// routes.generated.ts for why the route modules come from a static registry).
import { ERROR_STATUS } from "../errors";
import { appVersion } from "../env";
import { operation } from "./operation";
import { API_ROUTES } from "./routes.generated";
import { HTTP_METHODS } from "./types";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string };
  paths: Record<string, Record<string, ReturnType<typeof operation>>>;
  components: Record<string, unknown>;
};

/** `/api/v1/orgs/[slug]` (Next's file-system template) → `/api/v1/orgs/{slug}` (OpenAPI's). */
export function openApiPath(template: string): string {
  return template.replace(/\[(\w+)\]/g, "{$1}");
}

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}

function build(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const [template, module] of Object.entries(API_ROUTES).sort(([a], [b]) => a.localeCompare(b))) {
    for (const method of HTTP_METHODS) {
      const meta = module[method]?.meta;
      if (!meta) continue;
      (paths[openApiPath(template)] ??= {})[method.toLowerCase()] = operation(method, template, meta);
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Bastion API", version: appVersion },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "bastion.session", description: "The browser session (`__Host-bastion.session` over HTTPS). Unsafe methods must be same-origin." },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An organization API key (`Authorization: Bearer bst_<env>_<random>`), or a JWT from one of the organization's trusted issuers.",
        },
        scimToken: { type: "http", scheme: "bearer", description: "The organization's SCIM directory token (`bscim_…`), accepted only under /api/scim/v2." },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: Object.keys(ERROR_STATUS) },
                message: { type: "string" },
                details: {},
                requestId: { type: "string" },
              },
            },
          },
        },
      },
    },
  };
}
