// Slugs: one org per slug, and a renamed org's old slug keeps redirecting to it for
// 30 days, during which no other org may take it.
import "server-only";
import type { Tx } from "../db";
import { Conflict } from "../errors";

export const SLUG_REDIRECT_DAYS = 30;

export async function assertSlugAvailable(tx: Tx, slug: string, forOrgId?: string): Promise<void> {
  const [org, redirect] = await Promise.all([
    tx.organization.findUnique({ where: { slug }, select: { id: true } }),
    tx.orgSlugRedirect.findFirst({ where: { slug, expiresAt: { gt: new Date() } }, select: { orgId: true } }),
  ]);
  if ((org && org.id !== forOrgId) || (redirect && redirect.orgId !== forOrgId)) {
    throw new Conflict("This slug is taken", { field: "slug" });
  }
}

/** Records `oldSlug` as a redirect to the org, and frees `newSlug` if it was one of its own redirects. */
export async function keepRedirect(tx: Tx, orgId: string, oldSlug: string, newSlug: string): Promise<void> {
  const expiresAt = new Date(Date.now() + SLUG_REDIRECT_DAYS * 24 * 60 * 60 * 1000);
  await tx.orgSlugRedirect.deleteMany({ where: { slug: newSlug, orgId } });
  await tx.orgSlugRedirect.deleteMany({ where: { slug: oldSlug, expiresAt: { lte: new Date() } } });
  await tx.orgSlugRedirect.upsert({ where: { slug: oldSlug }, create: { slug: oldSlug, orgId, expiresAt }, update: { orgId, expiresAt } });
}

/** The current slug of the org an expired-or-not old slug pointed at (null when unknown or expired). */
export async function redirectTargetOf(tx: Pick<Tx, "orgSlugRedirect">, slug: string): Promise<{ orgId: string } | null> {
  return tx.orgSlugRedirect.findFirst({ where: { slug, expiresAt: { gt: new Date() } }, select: { orgId: true } });
}
