// Input schemas of the activity feed API.
import { z } from "zod";
import { text } from "../../validation/text";
import { PROVIDERS } from "../types";

export const EVENT_SOURCES = [...PROVIDERS, "bastion"] as const;

export const activityQuery = z.object({
  source: z.enum(EVENT_SOURCES).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ActivityQuery = z.output<typeof activityQuery>;
