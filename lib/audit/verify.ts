// Verifying audit chains: every event must sit at its chain's next seq, name the previous
// event's hash (or the retention anchor's) as prevHash, and hash to what it stores; the
// newest must be the chain's recorded head. Hashes are recomputed by the same database
// function that wrote them (audit_event_hash). Reads in seq order, a batch at a time.
import "server-only";
import { getPool } from "../db";
import { INSTANCE_CHAIN } from "./chain";

const BATCH = 5_000;

export type ChainHead = { id: string; orgSlug: string | null; orgName: string | null; purgedAt: Date | null; headSeq: number; headHash: string | null; anchorSeq: number; anchorHash: string | null };

export type BreakReason = "edited" | "relinked" | "missing" | "unchained" | "truncated";

export type ChainVerification = {
  chainId: string;
  orgSlug: string | null;
  orgName: string | null;
  purged: boolean;
  status: "verified" | "broken";
  /** Events checked, and whether that was the whole chain since the retention anchor. */
  checked: number;
  complete: boolean;
  brokenEventId: string | null;
  reason: BreakReason | null;
};

type EventLink = { id: string; seq: string | null; prevHash: string | null; hash: string | null; recomputed: string };

const HEAD_COLUMNS = `id, "orgSlug", "orgName", "purgedAt", "headSeq"::float8 AS "headSeq", "headHash", "anchorSeq"::float8 AS "anchorSeq", "anchorHash"`;

export async function chainHeads(): Promise<ChainHead[]> {
  return (await getPool().query<ChainHead>(`SELECT ${HEAD_COLUMNS} FROM "AuditChain" ORDER BY id`)).rows;
}

export async function chainHead(chainId: string): Promise<ChainHead | null> {
  return (await getPool().query<ChainHead>(`SELECT ${HEAD_COLUMNS} FROM "AuditChain" WHERE id = $1`, [chainId])).rows[0] ?? null;
}

function inChain(chainId: string): { sql: string; values: unknown[] } {
  return chainId === INSTANCE_CHAIN ? { sql: `"orgId" IS NULL`, values: [] } : { sql: `"orgId" = $1`, values: [chainId] };
}

/** The chain's events after `afterSeq` up to `headSeq` (events recorded since the head was read are not this walk's). */
async function linksAfter(chainId: string, afterSeq: number, headSeq: number): Promise<EventLink[]> {
  const chain = inChain(chainId);
  const n = chain.values.length;
  const { rows } = await getPool().query<EventLink>(
    `SELECT id, seq::text AS seq, "prevHash", hash, "audit_event_hash"(e) AS recomputed FROM "AuditEvent" AS e
     WHERE ${chain.sql} AND e.seq > $${n + 1} AND e.seq <= $${n + 2} ORDER BY e.seq LIMIT $${n + 3}`,
    [...chain.values, afterSeq, headSeq, BATCH],
  );
  return rows;
}

/** An event the chain trigger never numbered (written while it was bypassed). */
async function unnumberedEvent(chainId: string): Promise<string | null> {
  const chain = inChain(chainId);
  const { rows } = await getPool().query<{ id: string }>(`SELECT id FROM "AuditEvent" WHERE ${chain.sql} AND seq IS NULL LIMIT 1`, chain.values);
  return rows[0]?.id ?? null;
}

/**
 * Walks one chain from just after `fromSeq` (default: the retention anchor, i.e. the
 * whole chain) to its head. Starting later (the last N events) trusts the first event's
 * prevHash but still checks that event and everything after it.
 */
export async function verifyChain(head: ChainHead, options: { lastEvents?: number } = {}): Promise<ChainVerification> {
  const verification = await walkChain(head, options);
  if (verification.status === "verified") return verification;
  // Retention may have trimmed the chain during the walk: walk again from the new anchor.
  const now = await chainHead(head.id);
  return now && now.anchorSeq !== head.anchorSeq ? walkChain(now, options) : verification;
}

async function walkChain(head: ChainHead, options: { lastEvents?: number }): Promise<ChainVerification> {
  const fromSeq = options.lastEvents ? Math.max(head.anchorSeq, head.headSeq - options.lastEvents) : head.anchorSeq;
  const result = (status: "verified" | "broken", checked: number, brokenEventId: string | null = null, reason: BreakReason | null = null): ChainVerification => ({
    chainId: head.id,
    orgSlug: head.orgSlug,
    orgName: head.orgName,
    purged: head.purgedAt !== null,
    status,
    checked,
    complete: fromSeq === head.anchorSeq,
    brokenEventId,
    reason,
  });
  let expectedSeq = fromSeq + 1;
  let expectedPrev: string | null | undefined = fromSeq === head.anchorSeq ? head.anchorHash : undefined;
  let lastId: string | null = null;
  let checked = 0;
  const unnumbered = await unnumberedEvent(head.id);
  if (unnumbered) return result("broken", 0, unnumbered, "unchained");
  for (;;) {
    const links = await linksAfter(head.id, expectedSeq - 1, head.headSeq);
    for (const link of links) {
      if (link.seq === null || link.hash === null) return result("broken", checked, link.id, "unchained");
      if (Number(link.seq) !== expectedSeq) return result("broken", checked, link.id, "missing");
      if (expectedPrev !== undefined && link.prevHash !== expectedPrev) return result("broken", checked, link.id, "relinked");
      if (link.recomputed !== link.hash) return result("broken", checked, link.id, "edited");
      checked += 1;
      expectedSeq += 1;
      expectedPrev = link.hash;
      lastId = link.id;
    }
    if (links.length < BATCH) break;
  }
  // The newest events are gone (or the head was moved) when the walk ends short of it.
  if (expectedSeq - 1 !== head.headSeq || (checked > 0 && expectedPrev !== head.headHash)) return result("broken", checked, lastId, "truncated");
  return result("verified", checked);
}

/** Events of a chain that has no chain row (written while the chain trigger was bypassed): one per such chain. */
async function eventsWithoutChain(): Promise<{ chainId: string; eventId: string }[]> {
  const { rows } = await getPool().query<{ chainId: string; eventId: string }>(
    `SELECT DISTINCT ON (coalesce(e."orgId", '${INSTANCE_CHAIN}')) coalesce(e."orgId", '${INSTANCE_CHAIN}') AS "chainId", e.id AS "eventId"
     FROM "AuditEvent" AS e LEFT JOIN "AuditChain" AS c ON c.id = coalesce(e."orgId", '${INSTANCE_CHAIN}')
     WHERE c.id IS NULL ORDER BY 1, e."createdAt", e.id`,
  );
  return rows;
}

/** Every chain: each org's (purged ones too) and the instance's; reads the whole audit log. */
export async function verifyAllChains(onChain?: (verification: ChainVerification) => void): Promise<ChainVerification[]> {
  const verifications: ChainVerification[] = [];
  const report = (verification: ChainVerification) => {
    onChain?.(verification);
    verifications.push(verification);
  };
  for (const head of await chainHeads()) report(await verifyChain(head));
  for (const orphan of await eventsWithoutChain()) {
    report({ chainId: orphan.chainId, orgSlug: null, orgName: null, purged: false, status: "broken", checked: 0, complete: true, brokenEventId: orphan.eventId, reason: "unchained" });
  }
  return verifications;
}

/** The console badge checks this many of an org's newest events; `npm run audit:verify` checks all. */
export const BADGE_WINDOW = 10_000;

export type OrgTrailState = Omit<ChainVerification, "chainId" | "orgSlug" | "orgName" | "purged"> & { events: number; verifiedAt: string };

/** The state of an org's audit chain for the console: its newest events, bounded so the page stays fast. */
export async function verifyOrgAuditTrail(orgId: string): Promise<OrgTrailState> {
  const verifiedAt = new Date().toISOString();
  const head = await chainHead(orgId);
  if (!head) return { status: "verified", checked: 0, complete: true, brokenEventId: null, reason: null, events: 0, verifiedAt };
  const { status, checked, complete, brokenEventId, reason } = await verifyChain(head, { lastEvents: BADGE_WINDOW });
  return { status, checked, complete, brokenEventId, reason, events: head.headSeq - head.anchorSeq, verifiedAt };
}
