import { z } from "zod";
import { idParam, text } from "../validation/text";
import { roleSchema } from "../members/schemas";

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter a domain like example.com");

export const createInvitationBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("email"), email: z.email("Enter a valid email address").trim().toLowerCase().max(254, "Use at most 254 characters"), role: roleSchema.default("member") }),
  z.object({ kind: z.literal("link"), allowedDomains: z.array(domainSchema).min(1, "Add at least one email domain").max(20, "Add at most 20 email domains"), role: roleSchema.default("member") }),
]);

export const invitationParams = z.object({ slug: idParam(), invitationId: idParam() });

/** Tokens travel in bodies, never in API paths, so they stay out of request logs. */
export const invitationTokenBody = z.object({ token: text().min(20).max(200) });

export { domainSchema };
