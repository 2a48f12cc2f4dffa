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

const PROTOTYPE_NAMES = new Set(["__proto__", "constructor", "prototype"]);
/** An attribute name in a PATCH path (`a.b`, `a[x eq "y"].b`, `urn:…:User:a`) that names an object's prototype. */
const PROTOTYPE_IN_PATH = /(^|[^\w$])(__proto__|constructor|prototype)([^\w$]|$)/i;

/**
 * The first key anywhere in a JSON value that names a prototype, or null. scim-patch
 * writes PATCH paths and values into plain objects, so `__proto__.x` or a value with a
 * `constructor.prototype` key would change every object of the process; no SCIM schema
 * has such an attribute, so they are refused before any domain code sees them.
 */
export function findPrototypeKey(value: unknown): string | null {
  const pending = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (!item || typeof item !== "object") continue;
    for (const key of Object.keys(item)) {
      if (PROTOTYPE_NAMES.has(key.toLowerCase())) return key;
      pending.push((item as Record<string, unknown>)[key]);
    }
  }
  return null;
}

function refusePrototypeKeys(value: unknown, context: z.RefinementCtx): void {
  const key = findPrototypeKey(value);
  if (key !== null) context.addIssue({ code: "custom", message: `The attribute name ${JSON.stringify(key)} is not allowed` });
}

/** Any JSON object; the SCIM domain checks the resource itself and answers in SCIM's terms. */
export const scimResourceBody = z.looseObject({}).superRefine(refusePrototypeKeys);

export const scimPatchBody = z
  .looseObject({
    Operations: z
      .array(
        z.looseObject({
          op: z.string().regex(/^(add|remove|replace)$/i, "op must be add, remove or replace"),
          path: z.string().max(1000).refine((path) => !PROTOTYPE_IN_PATH.test(path), "The path names a prototype").optional(),
          value: z.unknown().optional(),
        }),
      )
      .min(1)
      .max(1000),
  })
  .superRefine(refusePrototypeKeys);
