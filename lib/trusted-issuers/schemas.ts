// Input schemas of the trusted-issuer console and API.
import { z } from "zod";
import { ALL_PERMISSIONS, type Permission } from "../authz/permissions";
import { idParam, text } from "../validation/text";
import { ASYMMETRIC_ALGORITHMS } from "./algorithms";

const httpUrl = text()
  .trim()
  .max(500)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an http(s) URL");

export const createTrustedIssuerSchema = z
  .object({
    issuer: httpUrl,
    audience: text().trim().min(1, "required").max(300),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1, "choose at least one algorithm").transform((list) => [...new Set(list)]),
    /** Empty: read from the issuer's OpenID discovery document. */
    jwksUrl: httpUrl.nullish(),
    role: z.enum(["admin", "billing", "member"]).nullish(),
    scopes: z.array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]])).default([]).transform((list) => [...new Set(list)]),
    scopeClaim: text().trim().min(1).max(100).nullish(),
  })
  .refine((input) => Boolean(input.role) !== input.scopes.length > 0, { message: "map tokens to a role or to scopes (one of the two)", path: ["role"] });

export type CreateTrustedIssuerInput = z.infer<typeof createTrustedIssuerSchema>;

export const trustedIssuerParams = z.object({ slug: idParam(), issuerId: idParam() });
