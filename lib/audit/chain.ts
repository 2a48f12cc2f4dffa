// Audit chains: each org's events (and the instance's, for events without an org) form
// a hash chain the database builds as they are inserted (the audit_chain_guards
// migration). This module names the chains and keeps a purged org's trail readable.
import "server-only";
import type { Tx } from "../db";
import { recordAudit } from "./record";

/** The chain of events that belong to no org (sign-ins, account changes). */
export const INSTANCE_CHAIN = "instance";

export function chainIdOf(orgId: string | null): string {
  return orgId ?? INSTANCE_CHAIN;
}

/**
 * Before an org row goes: a last event says so, and the chain keeps the org's slug and
 * name, so its trail stays readable and verifiable (audit events hold the org id as a
 * plain column, not a relation, and the retention job keeps them for the instance's
 * retention from then on).
 */
export async function detachAuditTrail(tx: Tx, org: { id: string; slug: string; name: string }): Promise<void> {
  await recordAudit(tx, { orgId: org.id, action: "org.purged", actorType: "system", targetType: "org", targetId: org.id, metadata: { slug: org.slug, name: org.name } });
  await tx.auditChain.update({ where: { id: org.id }, data: { orgSlug: org.slug, orgName: org.name, purgedAt: new Date() } });
}
