// Input schemas of the org console and API.
import { z } from "zod";
import { idParam, text } from "../validation/text";

/** Words that would collide with console or API paths. */
const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "account", "orgs", "sign-in", "sign-up", "sso", "onboarding"]);

export const orgSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/, "Use 3 to 48 lower-case letters, digits or dashes, starting and ending with a letter or digit")
  .refine((slug) => !slug.includes("--"), "A URL name cannot contain two dashes in a row")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This URL name is reserved; choose another");

export const orgNameSchema = text().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

export const createOrgSchema = z.object({ name: orgNameSchema, slug: orgSlugSchema });

export const updateOrgSchema = z
  .object({
    name: orgNameSchema.optional(),
    slug: orgSlugSchema.optional(),
    auditRetentionDays: z.number("Enter a number of days").int("Enter a whole number of days").min(30, "Keep audit events for at least 30 days").max(3650, "Keep audit events for at most 3650 days (10 years)").optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "Nothing to change");

export const deleteOrgSchema = z.object({ confirmation: text() });

export const slugParams = z.object({ slug: idParam() });
export const domainParams = z.object({ slug: idParam(), domainId: idParam() });
