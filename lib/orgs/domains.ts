// Email domains an org claims. Verification is a DNS TXT record the org publishes:
// `_bastion-verification.<domain>` with the value `bastion-verification=<token>`. A domain
// can be verified by one org at a time. Verified domains drive SSO enforcement.
import "server-only";
import { recordAudit } from "../audit/record";
import { randomToken } from "../auth/tokens";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { Conflict, Invalid, NotFound } from "../errors";
import type { TxtResolver } from "./dns";

export function verificationRecord(domain: string, token: string) {
  return { name: `_bastion-verification.${domain}`, value: `bastion-verification=${token}` };
}

function present(row: { id: string; domain: string; verificationToken: string; verifiedAt: Date | null; createdAt: Date }) {
  return { id: row.id, domain: row.domain, verifiedAt: row.verifiedAt, createdAt: row.createdAt, record: verificationRecord(row.domain, row.verificationToken) };
}

export async function listDomains(orgId: string) {
  const rows = await getDb().orgDomain.findMany({ where: { orgId }, orderBy: { domain: "asc" } });
  return rows.map(present);
}

export async function addDomain(ctx: OrgContext, domain: string) {
  return getDb().$transaction(async (tx) => {
    const existing = await tx.orgDomain.findUnique({ where: { orgId_domain: { orgId: ctx.org.id, domain } } });
    if (existing) throw new Conflict("This domain is already on the list");
    const row = await tx.orgDomain.create({ data: { orgId: ctx.org.id, domain, verificationToken: randomToken(16) } });
    await recordAudit(tx, { ...auditFields(ctx), action: "domain.added", targetType: "domain", targetId: row.id, metadata: { domain } });
    return present(row);
  });
}

export async function verifyDomain(ctx: OrgContext, domainId: string, resolver: TxtResolver) {
  const row = await getDb().orgDomain.findFirst({ where: { id: domainId, orgId: ctx.org.id } });
  if (!row) throw new NotFound("Domain");
  if (row.verifiedAt) return present(row);
  const record = verificationRecord(row.domain, row.verificationToken);
  const found = await resolver.resolveTxt(record.name).catch(() => [] as string[][]);
  // A long TXT value arrives in chunks; the record is their concatenation.
  if (!found.some((chunks) => chunks.join("") === record.value)) {
    throw new Invalid(`No TXT record ${record.name} with the expected value was found. DNS changes can take a while to appear.`);
  }
  return getDb().$transaction(async (tx) => {
    const claimed = await tx.orgDomain.findFirst({ where: { domain: row.domain, verifiedAt: { not: null }, orgId: { not: ctx.org.id } } });
    if (claimed) throw new Conflict("Another organization has already verified this domain");
    const verified = await tx.orgDomain.update({ where: { id: row.id }, data: { verifiedAt: new Date() } });
    await recordAudit(tx, { ...auditFields(ctx), action: "domain.verified", targetType: "domain", targetId: row.id, metadata: { domain: row.domain } });
    return present(verified);
  });
}

export async function removeDomain(ctx: OrgContext, domainId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.orgDomain.findFirst({ where: { id: domainId, orgId: ctx.org.id } });
    if (!row) throw new NotFound("Domain");
    await tx.orgDomain.delete({ where: { id: row.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "domain.removed", targetType: "domain", targetId: row.id, metadata: { domain: row.domain } });
  });
}
