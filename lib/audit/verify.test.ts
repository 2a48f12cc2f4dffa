// Verifying the audit trail: an org's purge leaves its events readable and verified by
// `npm run audit:verify`; a row edited, or removed, behind the triggers' back (as a
// superuser with them bypassed) is found, by event; the console's route reports it.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as verifyRoute } from "@/app/api/v1/orgs/[slug]/audit/verify/route";
import { DELETE as deleteOrgRoute } from "@/app/api/v1/orgs/[slug]/route";
import { getDb } from "../db";
import { purgeDeletedOrg } from "../orgs/tasks";
import { describeWith, testDatabaseUrl } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { recordAudit } from "./record";
import { chainHead, verifyAllChains, verifyChain } from "./verify";

const root = path.resolve(import.meta.dirname, "../..");
let superuser: pg.Client;

/** Runs statements as a superuser with every trigger bypassed, as an attacker with the database would. */
async function behindTheTriggers(sql: string, values: unknown[]): Promise<void> {
  await superuser.query("BEGIN");
  await superuser.query("SET LOCAL session_replication_role = replica");
  await superuser.query(sql, values);
  await superuser.query("COMMIT");
}

function auditVerifyScript(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/audit-verify.ts"], { cwd: root, env: { ...process.env, LOG_LEVEL: "error" } });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

async function orgWithTrail(events: number) {
  const fixture = await orgWithMembers(["member"]);
  for (let index = 0; index < events; index++) await recordAudit(getDb(), { orgId: fixture.org.id, action: "secret.revealed", targetId: `s${index}`, metadata: { index } });
  return fixture;
}

const verifyOf = async (chainId: string) => verifyChain((await chainHead(chainId))!);

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: testDatabaseUrl() });
  await superuser.connect();
});

afterAll(async () => {
  await superuser?.end();
});

describeWith(["postgres"], "audit trail verification", () => {
  it("keeps a purged org's events, readable and verified by npm run audit:verify", async () => {
    const { org, owner } = await orgWithTrail(3);
    expect((await call(deleteOrgRoute, "DELETE", `/api/v1/orgs/${org.slug}`, { cookie: owner.cookie, params: { slug: org.slug }, body: { confirmation: org.slug } })).status).toBe(200);
    await purgeDeletedOrg.run({ orgId: org.id }, { db: getDb(), jobId: "test", attempt: 1, signal: new AbortController().signal });

    expect(await getDb().organization.findUnique({ where: { id: org.id } })).toBeNull();
    const trail = await getDb().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    expect(trail.map((event) => event.action)).toEqual(["secret.revealed", "secret.revealed", "secret.revealed", "org.deleted", "org.purged"]);
    expect(trail.at(-1)!.metadata).toEqual({ slug: org.slug, name: org.name });
    expect(await getDb().auditChain.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ orgSlug: org.slug, orgName: org.name, purgedAt: expect.any(Date) });

    const all = await verifyAllChains();
    expect(all.find((chain) => chain.chainId === org.id)).toMatchObject({ status: "verified", purged: true, checked: 5, complete: true });
    const script = await auditVerifyScript();
    expect(script.stdout).toContain(`ok      org ${org.slug} (${org.id}) [purged]: 5 events`);
    expect(script.stdout).not.toContain("BROKEN");
    expect(script.code).toBe(0);
  });

  it("finds an edited event, a removed one and missing newest ones; the script exits non-zero", async () => {
    const { org } = await orgWithTrail(5);
    const events = await getDb().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    const [, second, third, , fifth] = events;
    try {
      await behindTheTriggers(`UPDATE "AuditEvent" SET metadata = '{"index": 99}' WHERE id = $1`, [second!.id]);
      expect(await verifyOf(org.id)).toMatchObject({ status: "broken", brokenEventId: second!.id, reason: "edited", checked: 1 });
      const script = await auditVerifyScript();
      expect(script.code).toBe(1);
      expect(script.stdout).toContain(`BROKEN  org ${org.slug} (${org.id}) at event ${second!.id}: its fields no longer match its hash`);
    } finally {
      await behindTheTriggers(`UPDATE "AuditEvent" SET metadata = $2 WHERE id = $1`, [second!.id, JSON.stringify(second!.metadata)]);
    }
    expect(await verifyOf(org.id)).toMatchObject({ status: "verified", checked: 5 });

    await behindTheTriggers(`DELETE FROM "AuditEvent" WHERE id = $1`, [third!.id]);
    expect(await verifyOf(org.id)).toMatchObject({ status: "broken", brokenEventId: events[3]!.id, reason: "missing" });
    await behindTheTriggers(`DELETE FROM "AuditEvent" WHERE id = $1`, [fifth!.id]);
    // The console's bounded check sees the newest events are gone even when starting late.
    expect(await verifyChain((await chainHead(org.id))!, { lastEvents: 1 })).toMatchObject({ status: "broken", reason: "truncated", complete: false });
  });

  it("answers the console's badge: verified, or broken at the event, for audit:read only", async () => {
    const { org, owner, members } = await orgWithTrail(2);
    const params = { slug: org.slug };
    const fine = await call(verifyRoute, "GET", `/api/v1/orgs/${org.slug}/audit/verify`, { cookie: owner.cookie, params });
    expect(fine.status).toBe(200);
    expect(fine.body).toMatchObject({ status: "verified", checked: 2, events: 2, complete: true, brokenEventId: null, verifiedAt: expect.any(String) });
    expect((await call(verifyRoute, "GET", "/x", { cookie: members[0]!.cookie, params })).status).toBe(403);
    const stranger = await orgWithMembers();
    expect((await call(verifyRoute, "GET", "/x", { cookie: stranger.owner.cookie, params })).status).toBe(404);

    const first = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, seq: 1 } });
    await behindTheTriggers(`UPDATE "AuditEvent" SET action = 'secret.created' WHERE id = $1`, [first.id]);
    const broken = await call(verifyRoute, "GET", "/x", { cookie: owner.cookie, params });
    expect(broken.body).toMatchObject({ status: "broken", brokenEventId: first.id, reason: "edited" });
    await behindTheTriggers(`UPDATE "AuditEvent" SET action = 'secret.revealed' WHERE id = $1`, [first.id]);
  });
});
