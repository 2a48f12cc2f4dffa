// GET /api/v1/openapi.json: the OpenAPI 3.1 document, built from the routes' own zod schemas.
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

export const GET = route({ auth: "none" }, async () => openApiDocument());
