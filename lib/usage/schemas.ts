// Input schema of the usage API.
import { z } from "zod";

export const usageQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a date");

/** GET …/usage/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]; default: this month so far. */
export const usageReportQuery = z.object({
  from: isoDay.default(() => new Date().toISOString().slice(0, 8) + "01"),
  to: isoDay.default(() => new Date().toISOString().slice(0, 10)),
  format: z.enum(["json", "csv"]).default("json"),
});
