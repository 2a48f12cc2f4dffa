// Input schemas of the API-key console and API.
import { z } from "zod";
import { idParam, text } from "../validation/text";
import { ALL_PERMISSIONS, type Permission } from "../authz/permissions";

export const createApiKeySchema = z.object({
  name: text().trim().min(1, "required").max(100, "at most 100 characters"),
  scopes: z
    .array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]))
    .min(1, "choose at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  /** Optional; must lie in the future. */
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .nullish(),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyParams = z.object({ slug: idParam(), keyId: idParam() });
