import { z } from "zod";
import { text } from "../validation/text";

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((value) => new Date(value));

export const auditFilters = z.object({
  actorId: text().max(64).optional(),
  /** Exact action ("member.removed") or a family ("member.*"). */
  action: text().regex(/^[a-z_.]+(\.\*)?$/, "an action like member.removed or member.*").max(64).optional(),
  targetType: text().max(32).optional(),
  targetId: text().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditListQuery = auditFilters.extend({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditExportQuery = auditFilters.extend({ format: z.enum(["csv", "jsonl"]).default("csv") });

export type AuditFilters = z.output<typeof auditFilters>;
