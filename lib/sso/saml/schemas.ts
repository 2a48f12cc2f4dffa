// Input of the per-org SAML settings API: IdP metadata (pasted XML or a URL), or the
// entity id, SSO URL and certificate(s) typed in.
import { z } from "zod";
import { text } from "../../validation/text";
import { issuerUrl } from "../schemas";

const certificate = text().trim().min(100).max(20_000);

/**
 * Without metadata or IdP fields, an update keeps the stored IdP settings, and the first
 * save creates a draft: the SP details to give the IdP, disabled until its metadata is saved.
 */
export const samlConnectionInput = z
  .object({
    metadataXml: text().max(500_000).optional(),
    metadataUrl: issuerUrl.optional(),
    idpEntityId: text().trim().min(1).max(1000).optional(),
    idpSsoUrl: issuerUrl.optional(),
    /** One, or two during a certificate rollover. */
    idpCertificates: z.array(certificate).min(1).max(2).optional(),
    requireEncryptedAssertions: z.boolean().default(false),
    allowUnverifiedDomains: z.boolean().default(false),
    enforceForDomains: z.boolean().default(false),
    /** Omitted: on once the IdP settings are known, off for a draft (no IdP yet). */
    enabled: z.boolean().optional(),
  })
  .refine((input) => !(input.idpEntityId || input.idpSsoUrl || input.idpCertificates) || Boolean(input.idpEntityId && input.idpSsoUrl && input.idpCertificates), {
    message: "give the IdP's entity id, SSO URL and certificate together",
    path: ["idpEntityId"],
  });

export type SamlConnectionInput = z.infer<typeof samlConnectionInput>;
