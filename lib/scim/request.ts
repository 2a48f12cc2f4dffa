// From the pipeline's context to a SCIM domain context, and the PATCH body's shape.
import { z } from "zod";
import { requestMeta } from "../auth/request-meta";
import { Unauthorized } from "../errors";
import type { Actor } from "../http/authenticate";
import type { OrgAccess } from "../http/org-access";
import { idParam } from "../validation/text";
import type { ScimContext } from "./context";

export function scimContext(ctx: { actor: Actor | null; access: OrgAccess | null; requestId: string; request: Request }): ScimContext {
  if (ctx.actor?.kind !== "scim" || !ctx.access) throw new Unauthorized();
  return { orgId: ctx.access.org.id, slug: ctx.access.org.slug, directoryId: ctx.actor.directoryId, requestId: ctx.requestId, ...requestMeta(ctx.request) };
}

export const scimSlugParams = z.object({ slug: idParam() });
export const scimResourceParams = z.object({ slug: idParam(), id: idParam() });

/** Any JSON object; the SCIM domain checks the resource itself and answers in SCIM's terms. */
export const scimResourceBody = z.looseObject({});

export const scimPatchBody = z.looseObject({
  Operations: z
    .array(z.looseObject({ op: z.string().regex(/^(add|remove|replace)$/i, "op must be add, remove or replace"), path: z.string().max(1000).optional(), value: z.unknown().optional() }))
    .min(1)
    .max(1000),
});
