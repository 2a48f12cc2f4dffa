// GET, POST /api/v1/orgs/[slug]/trusted-issuers: list the org's trusted JWT issuers; register one.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { slugParams } from "@/lib/orgs/schemas";
import { createTrustedIssuer, listTrustedIssuers } from "@/lib/trusted-issuers/manage";
import { createTrustedIssuerSchema } from "@/lib/trusted-issuers/schemas";

export const GET = route({ auth: "session", permission: "sso:manage", schemas: { params: slugParams } }, async (ctx) => listTrustedIssuers(orgContext(ctx).org.id));

export const POST = route({ auth: "session", permission: "sso:manage", schemas: { params: slugParams, body: createTrustedIssuerSchema } }, async (ctx) =>
  Response.json(await createTrustedIssuer(orgContext(ctx), ctx.body), { status: 201 }),
);
