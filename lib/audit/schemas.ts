import { z } from "zod";
import { text } from "../validation/text";

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((value) => new Date(value));

const filterFields = z.object({
  actorId: text().max(64).optional(),
  /** Who acted, by part of a name or email (resolved to user ids, lib/audit/query.ts). */
  actor: text().trim().max(100).optional(),
  /** Exact action ("member.removed") or a family ("member.*"). */
  action: text().regex(/^[a-z_.]+(\.\*)?$/, "an action like member.removed or member.*").max(64).optional(),
  targetType: text().max(32).optional(),
  targetId: text().max(64).optional(),
  /** What was acted on: an id, or part of a person's name or email, a secret's or an API key's name. */
  target: text().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** A range that ends before it starts is a field error on `to`, not an empty list. */
function ordered<T extends { from?: Date; to?: Date }>(value: T, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before the start date" });
}

export const auditFilters = filterFields.superRefine(ordered);

export const auditListQuery = filterFields
  .extend({
    cursor: text().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(ordered);

export const auditExportQuery = filterFields.extend({ format: z.enum(["csv", "jsonl"]).default("csv") }).superRefine(ordered);

export type AuditFilters = z.output<typeof auditFilters>;

/** Filters once `actor` and `target` are resolved to the ids they match. */
export type ResolvedAuditFilters = Omit<AuditFilters, "actor" | "target"> & { actorIds?: string[]; targetIds?: string[] };
