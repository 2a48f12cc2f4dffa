// GET, POST, DELETE /api/v1/orgs/[slug]/scim: the SCIM directory's state and recent
// provisioning events; create or rotate its token (shown in this answer only); disconnect it.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";
import { deleteScimDirectory, issueScimToken, scimOverview } from "@/lib/scim/directory";

export const GET = route({ auth: "session", permission: "sso:manage", schemas: { params: slugParams } }, async (ctx) => {
  const { org } = orgContext(ctx);
  return scimOverview(org.id, org.slug);
});

export const POST = route({ auth: "session", permission: "sso:manage", schemas: { params: slugParams } }, async (ctx) =>
  Response.json(await issueScimToken(orgContext(ctx)), { status: 201 }),
);

export const DELETE = route({ auth: "session", permission: "sso:manage", schemas: { params: slugParams } }, async (ctx) => {
  await deleteScimDirectory(orgContext(ctx));
  return new Response(null, { status: 204 });
});
