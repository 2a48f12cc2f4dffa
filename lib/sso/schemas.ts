// Input of the per-org SSO settings API and the "find my SSO" form.
import { z } from "zod";
import { text } from "../validation/text";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https://, or http:// on a loopback address (a local IdP for development and tests). */
export function isAcceptableIssuerUrl(value: string): boolean {
  const url = URL.parse(value);
  if (!url || url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

export const issuerUrl = z
  .string()
  .trim()
  .max(500)
  .refine(isAcceptableIssuerUrl, { message: "Enter the issuer's https:// URL (http:// only for localhost), without a query or fragment" });

export const ssoConnectionInput = z.object({
  issuer: issuerUrl,
  clientId: text().trim().min(1, "Enter the client ID").max(255, "Use at most 255 characters"),
  /** Omitted on update: keep the stored secret. */
  clientSecret: text().min(1, "Enter the client secret").max(2000, "Use at most 2000 characters").optional(),
  enforceForDomains: z.boolean().default(false),
});

export type SsoConnectionInput = z.infer<typeof ssoConnectionInput>;

export const ssoDiscoverInput = z.object({ email: text().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address")) });
