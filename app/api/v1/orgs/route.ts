// GET /api/v1/orgs: the caller's organizations. POST /api/v1/orgs: create one (the caller becomes owner).
import { route } from "@/lib/http/route";
import { userContext } from "@/lib/http/domain-context";
import { createOrg, listOrgsOf } from "@/lib/orgs/orgs";
import { createOrgSchema } from "@/lib/orgs/schemas";

export const GET = route({ auth: "session" }, async (ctx) => ({ items: await listOrgsOf(userContext(ctx).actor.userId) }));

export const POST = route({ auth: "session", schemas: { body: createOrgSchema } }, async (ctx) =>
  Response.json(await createOrg(userContext(ctx), ctx.body), { status: 201 }),
);
