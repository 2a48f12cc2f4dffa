// Input schemas of the API-key console and API.
import { z } from "zod";
import { idParam, text } from "../validation/text";
import { API_KEY_SCOPES } from "../authz/permissions";

export const createApiKeySchema = z.object({
  name: text().trim().min(1, "required").max(100, "at most 100 characters"),
  scopes: z
    // Only permissions some key-accepting route checks (session-only routes refuse keys).
    .array(z.enum(API_KEY_SCOPES, { error: (issue) => `${String(issue.input)} cannot be used by an API key` }))
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
