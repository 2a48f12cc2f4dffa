// GET /api/v1/orgs/[slug]/domains: claimed domains with their verification record. POST { domain }: claim one.
import { orgContext } from "@/lib/http/domain-context";
import { route } from "@/lib/http/route";
import { domainSchema } from "@/lib/invitations/schemas";
import { addDomain, listDomains } from "@/lib/orgs/domains";
import { slugParams } from "@/lib/orgs/schemas";
import { z } from "zod";

export const GET = route({ auth: "both", permission: "org:read", schemas: { params: slugParams } }, async (ctx) => ({
  items: await listDomains(orgContext(ctx).org.id),
}));

export const POST = route({ auth: "session", permission: "org:update", schemas: { params: slugParams, body: z.object({ domain: domainSchema }) } }, async (ctx) =>
  Response.json(await addDomain(orgContext(ctx), ctx.body.domain), { status: 201 }),
);
