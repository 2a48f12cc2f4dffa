import { z } from "zod";
import { ROLES } from "../authz/permissions";

export const roleSchema = z.enum(ROLES);

export const listMembersQuery = z.object({
  query: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const memberParams = z.object({ slug: z.string().min(1).max(64), membershipId: z.string().min(1).max(64) });

export const changeRoleBody = z.object({ role: roleSchema });

export const transferBody = z.object({ toUserId: z.string().min(1).max(64) });
