// Input schemas of the secrets API and console.
import { z } from "zod";
import { idParam, text } from "../validation/text";

export const SECRET_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,127}$/;
/** The largest value accepted, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 64 * 1024;
export const STANDARD_ENVIRONMENTS = ["development", "staging", "production"] as const;

export const secretKeySchema = text().regex(SECRET_KEY_PATTERN, "Use upper-case letters, digits and underscores, starting with a letter (at most 128 characters)");

// The message names the limit only: a refused value must never be echoed back.
export const secretValueSchema = text().refine((value) => Buffer.byteLength(value, "utf8") <= MAX_VALUE_BYTES, `A value can be at most ${MAX_VALUE_BYTES / 1024} KB (${MAX_VALUE_BYTES} bytes)`);

export const environmentSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "Use lower-case letters, digits, dashes or underscores (at most 32 characters)");

export const createSecretSchema = z.object({
  key: secretKeySchema,
  value: secretValueSchema,
  description: text().trim().max(500, "Use at most 500 characters").default(""),
  environment: environmentSchema.nullish(),
  /** A personal secret is visible only to the member who creates it. */
  personal: z.boolean().default(false),
});

export const updateSecretSchema = z
  .object({
    value: secretValueSchema.optional(),
    description: text().trim().max(500, "Use at most 500 characters").optional(),
    environment: environmentSchema.nullish(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "Nothing to change");

export const listSecretsQuery = z.object({
  search: text().trim().max(128).optional(),
  environment: environmentSchema.optional(),
  deleted: z.enum(["0", "1"]).optional(),
});

export const environmentQuery = z.object({ environment: environmentSchema.optional() });

export const revealSchema = z.object({ version: z.number().int().min(1).optional() });

export const importSchema = z.object({
  content: text().max(1024 * 1024),
  environment: environmentSchema.nullish(),
  /** Replace the values of keys that already exist (each gets a new version). */
  overwrite: z.boolean().default(false),
});

const slug = idParam();
export const secretsParams = z.object({ slug });
export const secretParams = z.object({ slug, secretId: idParam() });
export const versionParams = z.object({ slug, secretId: idParam(), version: z.coerce.number().int().min(1) });
