// Input schemas of the SCIM console API.
import { z } from "zod";
import { idParam } from "../validation/text";
import { LINKABLE_ROLES } from "./roles";

export const scimGroupParams = z.object({ slug: idParam(), groupId: idParam() });

export const linkGroupSchema = z.object({ role: z.enum(LINKABLE_ROLES).nullable() });
