// Input schemas of the delivery log API.
import { z } from "zod";
import { idParam, text } from "../../validation/text";
import { connectionParams } from "../connections/schemas";

export const DELIVERY_STATUSES = ["pending", "processing", "processed", "failed", "dead"] as const;

export const deliveryParams = connectionParams.extend({ deliveryId: idParam() });

export const listDeliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;
