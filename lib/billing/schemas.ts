// Request shapes of the billing routes.
import { z } from "zod";
import { PAID_PLAN_IDS } from "./plans";

export const checkoutSchema = z.object({
  plan: z.enum(PAID_PLAN_IDS),
  interval: z.enum(["month", "year"]).default("month"),
  /** The page's id for this attempt (a UUID): a retried or double-clicked request reuses the session. */
  attemptId: z.uuid().optional(),
});
