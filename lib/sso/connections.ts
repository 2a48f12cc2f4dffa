// An organization's own OIDC identity provider: read, save (after discovery), delete.
// The client secret is a system secret (client-secret.ts) and never leaves the server once saved.
import "server-only";
import { recordAudit } from "../audit/record";
import { orgProviderId } from "../auth/next-auth/providers";
import type { RequestMeta } from "../auth/request-meta";
import { getDb } from "../db";
import { appUrl } from "../env";
import { Invalid, NotFound } from "../errors";
import { discoverIssuer } from "./discovery";
import type { SsoConnectionInput } from "./schemas";
import { assertSsoAllowed } from "../billing/quota";
import { deleteSsoClientSecret, putSsoClientSecret, ssoSecretDataKey } from "./client-secret";
import { endSessionsOfConnection } from "./sso-sessions";

export type SsoConnectionView = {
  issuer: string;
  clientId: string;
  enforceForDomains: boolean;
  hasClientSecret: true;
  /** Where members start signing in. */
  signInPath: string;
  /** The redirect URI to register at the IdP. */
  callbackUrl: string;
  updatedAt: Date;
};

export type SsoChangeContext = { org: { id: string; slug: string }; actorId: string; meta: RequestMeta; requestId: string };

/** The redirect URI an org registers at its IdP; known before anything is saved. */
export function ssoCallbackUrl(slug: string): string {
  return `${appUrl()}/api/auth/callback/${orgProviderId(slug)}`;
}

function view(org: { slug: string }, row: { issuer: string; clientId: string; enforceForDomains: boolean; updatedAt: Date }): SsoConnectionView {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    enforceForDomains: row.enforceForDomains,
    hasClientSecret: true,
    signInPath: `/sso/${org.slug}`,
    callbackUrl: ssoCallbackUrl(org.slug),
    updatedAt: row.updatedAt,
  };
}

const viewSelect = { id: true, issuer: true, clientId: true, enforceForDomains: true, updatedAt: true, clientSecretEncrypted: true } as const;

export async function getSsoConnection(org: { id: string; slug: string }): Promise<SsoConnectionView | null> {
  const row = await getDb().ssoConnection.findUnique({ where: { orgId: org.id }, select: viewSelect });
  return row ? view(org, row) : null;
}

export async function saveSsoConnection(ctx: SsoChangeContext, input: SsoConnectionInput): Promise<SsoConnectionView> {
  const db = getDb();
  const existing = await db.ssoConnection.findUnique({ where: { orgId: ctx.org.id }, select: viewSelect });
  if (!existing) await assertSsoAllowed(ctx.org.id);
  if (!existing && !input.clientSecret) {
    throw new Invalid("A client secret is required to set up SSO", [{ path: "clientSecret", message: "required" }]);
  }
  // Before the transaction: a network call must not hold a database connection.
  const issuer = await discoverIssuer(input.issuer);
  const dataKey = input.clientSecret ? await ssoSecretDataKey(ctx.org.id) : null;
  // A new secret replaces any legacy ciphertext; without one, the stored secret stays.
  const data = { issuer, clientId: input.clientId, enforceForDomains: input.enforceForDomains, ...(input.clientSecret ? { clientSecretEncrypted: null } : {}) };

  const row = await db.$transaction(async (tx) => {
    const saved = await tx.ssoConnection.upsert({ where: { orgId: ctx.org.id }, create: { orgId: ctx.org.id, ...data }, update: data, select: viewSelect });
    if (input.clientSecret && dataKey) await putSsoClientSecret(tx, dataKey, { orgId: ctx.org.id, connectionId: saved.id, clientSecret: input.clientSecret, actorUserId: ctx.actorId });
    await recordAudit(tx, {
      action: "sso.config_updated",
      orgId: ctx.org.id,
      actorId: ctx.actorId,
      targetType: "sso_connection",
      targetId: saved.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.requestId,
      metadata: { issuer, clientId: input.clientId, enforceForDomains: input.enforceForDomains, created: !existing, clientSecretChanged: Boolean(input.clientSecret) },
    });
    return saved;
  });
  return view(ctx.org, row);
}

export async function deleteSsoConnection(ctx: SsoChangeContext): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.ssoConnection.findUnique({ where: { orgId: ctx.org.id }, select: { id: true, issuer: true } });
    if (!row) throw new NotFound("SSO configuration");
    await tx.ssoConnection.delete({ where: { id: row.id } });
    await deleteSsoClientSecret(tx, ctx.org.id, row.id);
    await endSessionsOfConnection(tx, row.id);
    await recordAudit(tx, {
      action: "sso.config_deleted",
      orgId: ctx.org.id,
      actorId: ctx.actorId,
      targetType: "sso_connection",
      targetId: row.id,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      requestId: ctx.requestId,
      metadata: { issuer: row.issuer },
    });
  });
}
