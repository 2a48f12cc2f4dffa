// Input schemas of the org console and API.
import { z } from "zod";
import { idParam, text } from "../validation/text";

/** Words that would collide with console or API paths. */
const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "account", "orgs", "sign-in", "sign-up", "sso", "onboarding"]);

export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/, "3-48 lowercase letters, digits or dashes, starting and ending with a letter or digit")
  .refine((slug) => !slug.includes("--"), "no double dashes")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "this name is reserved");

export const orgNameSchema = text().trim().min(1, "required").max(100, "at most 100 characters");

export const createOrgSchema = z.object({ name: orgNameSchema, slug: orgSlugSchema });

export const updateOrgSchema = z
  .object({
    name: orgNameSchema.optional(),
    slug: orgSlugSchema.optional(),
    auditRetentionDays: z.number().int().min(30).max(3650).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "nothing to change");

export const deleteOrgSchema = z.object({ confirmation: text() });

export const slugParams = z.object({ slug: idParam() });
export const domainParams = z.object({ slug: idParam(), domainId: idParam() });
