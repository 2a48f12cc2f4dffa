import { z } from "zod";
import { idParam, text } from "../validation/text";
import { ROLES } from "../authz/permissions";

export const roleSchema = z.enum(ROLES);

export const listMembersQuery = z.object({
  query: text().trim().max(100).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const memberParams = z.object({ slug: idParam(), membershipId: idParam() });

export const changeRoleBody = z.object({ role: roleSchema });

export const transferBody = z.object({ toUserId: idParam() });
