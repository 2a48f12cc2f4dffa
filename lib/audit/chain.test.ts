// The audit log in the database: append-only for UPDATE, DELETE and TRUNCATE as the
// application's own database user; each event hash-chained to its org's previous one,
// also under concurrent writers; retention trims a chain's oldest events through the one
// sanctioned function and leaves the rest verifiable from its anchor.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { createOrg } from "../testing/org-fixtures";
import { INSTANCE_CHAIN } from "./chain";
import { recordAudit } from "./record";
import { enforceAuditRetention } from "./tasks";
import { chainHead, verifyChain } from "./verify";

const DAY_MS = 24 * 60 * 60 * 1000;

async function recordEvents(orgId: string, count: number, createdAt?: (index: number) => Date) {
  await getDb().auditEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({ orgId, action: "member.removed", targetId: `t${index}`, metadata: { index }, ...(createdAt ? { createdAt: createdAt(index) } : {}) })),
  });
}

async function verified(chainId: string) {
  const head = await chainHead(chainId);
  if (!head) throw new Error(`no chain ${chainId}`);
  return verifyChain(head);
}

const runRetention = () => enforceAuditRetention.run({}, { db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal });

describeWith(["postgres"], "the audit chain in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE from the application's database user", async () => {
    const org = await createOrg();
    await recordEvents(org.id, 3);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
    await expect(getDb().auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/audit events cannot be modified/);
    await expect(getDb().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/audit events cannot be deleted/);
    await expect(getDb().auditEvent.deleteMany({ where: { orgId: org.id } })).rejects.toThrow(/audit events cannot be deleted/);
    await expect(getDb().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/AuditEvent cannot be truncated/);
    await expect(getDb().$executeRawUnsafe(`TRUNCATE "AuditChain"`)).rejects.toThrow(/AuditChain cannot be truncated/);
    // The retention switch alone is not enough: only events at or below the anchor go.
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('bastion.audit_retention', 'on', true)`;
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event.id}`;
      }),
    ).rejects.toThrow(/audit events cannot be deleted/);
    // Nor can the chain's head or anchor be moved, or the chain row removed.
    await expect(getDb().auditChain.update({ where: { id: org.id }, data: { headSeq: 1 } })).rejects.toThrow(/head moves only when an event is recorded/);
    await expect(getDb().auditChain.update({ where: { id: org.id }, data: { anchorSeq: 3 } })).rejects.toThrow(/anchor moves only through audit_retention_delete/);
    await expect(getDb().auditChain.delete({ where: { id: org.id } })).rejects.toThrow(/audit chains cannot be deleted/);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id } })).toBe(3);
    expect(await verified(org.id)).toMatchObject({ status: "verified", checked: 3 });
  });

  it("chains each org's events in order, and the instance's without an org", async () => {
    const org = await createOrg();
    await recordAudit(getDb(), { orgId: org.id, action: "org.updated", metadata: { name: { from: "a", to: "b" } } });
    await getDb().$transaction(async (tx) => {
      await recordAudit(tx, { orgId: org.id, action: "member.removed", targetType: "user", targetId: "u1" });
      await recordAudit(tx, { orgId: org.id, action: "member.left", targetType: "user", targetId: "u2" });
    });
    const events = await getDb().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => Number(event.seq))).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash ?? ""))).toBe(true);
    expect(await getDb().auditChain.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ orgSlug: org.slug, headSeq: 3n, headHash: events[2]!.hash });

    await recordAudit(getDb(), { action: "auth.sign_in_failed", metadata: { reason: "test" } });
    expect(await verified(INSTANCE_CHAIN)).toMatchObject({ status: "verified", complete: true });
  });

  it("does not fork when many writers append to one org at once", async () => {
    const org = await createOrg();
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 2 === 0
          ? recordAudit(getDb(), { orgId: org.id, action: "secret.revealed", targetId: `s${index}` })
          : getDb().$transaction(async (tx) => recordAudit(tx, { orgId: org.id, action: "secret.updated", targetId: `s${index}` })),
      ),
    );
    const seqs = (await getDb().auditEvent.findMany({ where: { orgId: org.id }, select: { seq: true }, orderBy: { seq: "asc" } })).map((event) => Number(event.seq));
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
    expect(await verified(org.id)).toMatchObject({ status: "verified", checked: 24 });
  });

  it("trims the oldest events through retention, records the anchor and still verifies", async () => {
    const org = await createOrg();
    await getDb().organization.update({ where: { id: org.id }, data: { auditRetentionDays: 30 } });
    // Chain order: 3 expired, 1 recent, 1 "expired" (a skewed clock), 2 recent.
    const ages = [40, 39, 38, 1, 35, 0, 0];
    await recordEvents(org.id, ages.length, (index) => new Date(Date.now() - ages[index]! * DAY_MS));
    const third = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, seq: 3 } });
    await runRetention();
    // Only the prefix goes: a chain never loses an event from its middle.
    const left = await getDb().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    expect(left.map((event) => Number(event.seq))).toEqual([4, 5, 6, 7]);
    expect(await getDb().auditChain.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ anchorSeq: 3n, anchorHash: third.hash });
    expect(await verified(org.id)).toMatchObject({ status: "verified", checked: 4, complete: true });

    await recordAudit(getDb(), { orgId: org.id, action: "org.updated" });
    expect(await verified(org.id)).toMatchObject({ status: "verified", checked: 5 });
  });
});
