// An organization's SAML identity provider: read, save, delete. Saving the first time
// makes the SP key pair (private key in the org's system secrets), with or without the
// IdP's settings: without them the connection is a draft (SP details to copy into the
// IdP, which wants them before it gives its metadata), disabled until they are saved.
// Disabling or deleting ends the sessions the connection made.
import "server-only";
import { recordAudit } from "../../audit/record";
import type { RequestMeta } from "../../auth/request-meta";
import { assertSsoAllowed } from "../../billing/quota";
import { getDb } from "../../db";
import { Invalid, NotFound } from "../../errors";
import { deleteSystemSecrets, putSystemSecrets, systemSecretKey } from "../../secrets/system-secrets";
import { endSessionsOfConnection } from "../sso-sessions";
import { certificateSummary, normalizeCertificate, selfSignedCertificate } from "./certificates";
import { fetchIdpMetadata, parseIdpMetadata } from "./idp-metadata";
import type { SamlConnectionInput } from "./schemas";
import { SP_PRIVATE_KEY, hasIdpSettings, samlSecretScope, spUrls } from "./service-provider";

export type SamlChangeContext = { org: { id: string; slug: string; name?: string }; actorId: string; meta: RequestMeta; requestId: string };

const select = {
  id: true,
  idpEntityId: true,
  idpSsoUrl: true,
  idpCertificates: true,
  idpMetadataUrl: true,
  spCertificate: true,
  requireEncryptedAssertions: true,
  allowUnverifiedDomains: true,
  enforceForDomains: true,
  enabled: true,
  updatedAt: true,
} as const;

type Row = { id: string; idpEntityId: string | null; idpSsoUrl: string | null; idpCertificates: string[]; idpMetadataUrl: string | null; spCertificate: string; requireEncryptedAssertions: boolean; allowUnverifiedDomains: boolean; enforceForDomains: boolean; enabled: boolean; updatedAt: Date };

function view(org: { slug: string }, row: Row) {
  const urls = spUrls(row.id);
  return {
    /** False for a draft: the IdP's metadata is still to be saved. */
    configured: hasIdpSettings(row),
    idpEntityId: row.idpEntityId,
    idpSsoUrl: row.idpSsoUrl,
    idpMetadataUrl: row.idpMetadataUrl,
    idpCertificates: row.idpCertificates.map(certificateSummary),
    requireEncryptedAssertions: row.requireEncryptedAssertions,
    allowUnverifiedDomains: row.allowUnverifiedDomains,
    enforceForDomains: row.enforceForDomains,
    enabled: row.enabled,
    signInPath: `/sso/${org.slug}`,
    sp: { entityId: urls.entityId, acsUrl: urls.acsUrl, metadataUrl: urls.metadataUrl, certificate: row.spCertificate },
    updatedAt: row.updatedAt,
  };
}

export type SamlConnectionView = ReturnType<typeof view>;

export async function getSamlConnection(org: { id: string; slug: string }): Promise<SamlConnectionView | null> {
  const row = await getDb().samlConnection.findUnique({ where: { orgId: org.id }, select });
  return row ? view(org, row) : null;
}

type StoredIdpSettings = { entityId: string | null; ssoUrl: string | null; certificates: string[]; metadataUrl: string | null };

/**
 * The IdP's settings from whichever form the admin used, else the stored ones (none for a
 * new draft); network calls happen here, outside transactions.
 */
async function idpSettings(input: SamlConnectionInput, existing: Row | null): Promise<StoredIdpSettings> {
  if (input.metadataXml?.trim()) return { ...parseIdpMetadata(input.metadataXml), metadataUrl: null };
  if (input.metadataUrl) return { ...parseIdpMetadata(await fetchIdpMetadata(input.metadataUrl)), metadataUrl: input.metadataUrl };
  if (!input.idpCertificates) {
    if (existing) return { entityId: existing.idpEntityId, ssoUrl: existing.idpSsoUrl, certificates: existing.idpCertificates, metadataUrl: existing.idpMetadataUrl };
    return { entityId: null, ssoUrl: null, certificates: [], metadataUrl: null };
  }
  const certificates = [...new Set(input.idpCertificates!.map((pem, index) => normalizeCertificate(pem, `idpCertificates.${index}`)))];
  return { entityId: input.idpEntityId!, ssoUrl: input.idpSsoUrl!, certificates, metadataUrl: null };
}

export async function saveSamlConnection(ctx: SamlChangeContext, input: SamlConnectionInput): Promise<SamlConnectionView> {
  const db = getDb();
  const existing = await db.samlConnection.findUnique({ where: { orgId: ctx.org.id }, select });
  if (!existing) await assertSsoAllowed(ctx.org.id);
  const idp = await idpSettings(input, existing);
  const configured = hasIdpSettings({ idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl, idpCertificates: idp.certificates });
  const enabled = input.enabled ?? configured;
  if (enabled && !configured) {
    throw new Invalid("SAML can be enabled once the IdP's metadata (XML or URL), or its entity id, SSO URL and certificate, are saved", [
      { path: "enabled", message: "the IdP's metadata (or entity id, SSO URL and certificate) is missing" },
    ]);
  }
  const spKeys = existing ? null : selfSignedCertificate(`Bastion SP ${ctx.org.slug}`);
  const dataKey = spKeys ? await systemSecretKey(ctx.org.id) : null;
  const data = {
    idpEntityId: idp.entityId,
    idpSsoUrl: idp.ssoUrl,
    idpCertificates: idp.certificates,
    idpMetadataUrl: idp.metadataUrl,
    requireEncryptedAssertions: input.requireEncryptedAssertions,
    allowUnverifiedDomains: input.allowUnverifiedDomains,
    enforceForDomains: input.enforceForDomains,
    enabled,
  };

  const row = await db.$transaction(async (tx) => {
    const saved = existing
      ? await tx.samlConnection.update({ where: { id: existing.id }, data, select })
      : await tx.samlConnection.create({ data: { orgId: ctx.org.id, spCertificate: spKeys!.certificatePem, ...data }, select });
    if (spKeys && dataKey) {
      await putSystemSecrets(tx, dataKey, { orgId: ctx.org.id, scope: samlSecretScope(saved.id), values: { [SP_PRIVATE_KEY]: spKeys.privateKeyPem }, actorUserId: ctx.actorId });
    }
    const endedSessions = existing?.enabled && !enabled ? await endSessionsOfConnection(tx, saved.id) : 0;
    await recordAudit(tx, {
      action: "sso.saml_config_updated",
      orgId: ctx.org.id,
      actorId: ctx.actorId,
      targetType: "saml_connection",
      targetId: saved.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.requestId,
      metadata: { idpEntityId: idp.entityId, certificates: idp.certificates.length, enabled, created: !existing, draft: !configured, endedSessions },
    });
    return saved;
  });
  return view(ctx.org, row);
}

export async function deleteSamlConnection(ctx: SamlChangeContext): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.samlConnection.findUnique({ where: { orgId: ctx.org.id }, select: { id: true, idpEntityId: true } });
    if (!row) throw new NotFound("SAML configuration");
    await tx.samlConnection.delete({ where: { id: row.id } });
    await deleteSystemSecrets(tx, ctx.org.id, samlSecretScope(row.id));
    const endedSessions = await endSessionsOfConnection(tx, row.id);
    await recordAudit(tx, {
      action: "sso.saml_config_deleted",
      orgId: ctx.org.id,
      actorId: ctx.actorId,
      targetType: "saml_connection",
      targetId: row.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.requestId,
      metadata: { idpEntityId: row.idpEntityId, endedSessions },
    });
  });
}
