import { expect, it } from "vitest";
import { GET as listRoute, POST as addRoute } from "@/app/api/v1/orgs/[slug]/domains/route";
import { DELETE as removeRoute } from "@/app/api/v1/orgs/[slug]/domains/[domainId]/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers, uniqueSuffix } from "../testing/fixtures";
import { call } from "../testing/http";
import type { OrgContext } from "../context";
import type { TxtResolver } from "./dns";
import { verifyDomain } from "./domains";

/** A resolver stand-in serving the TXT records a test publishes. */
function publishedRecords(records: Record<string, string[][]>): TxtResolver {
  return {
    async resolveTxt(name) {
      const found = records[name];
      if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
      return found;
    },
  };
}

function contextOf(org: { id: string; slug: string }, userId: string): OrgContext {
  return { org: { id: org.id, slug: org.slug }, role: "owner", actor: { userId, type: "user" }, requestId: "test", ip: null, userAgent: null };
}

describeWith(["postgres"], "verified domains", () => {
  it("claims a domain and verifies it from its DNS TXT record", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const domain = `acme-${uniqueSuffix()}.example`;
    expect((await call(addRoute, "POST", "/x", { cookie: members[0]!.cookie, params: { slug: org.slug }, body: { domain } })).status).toBe(403);
    const added = await call(addRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { domain: domain.toUpperCase() } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ domain, verifiedAt: null, record: { name: `_bastion-verification.${domain}`, value: expect.stringMatching(/^bastion-verification=/) } });
    const ctx = contextOf(org, owner.user.id);

    await expect(verifyDomain(ctx, added.body.id, publishedRecords({}))).rejects.toThrow(/No TXT record/);
    await expect(verifyDomain(ctx, added.body.id, publishedRecords({ [added.body.record.name]: [["bastion-verification=wrong"]] }))).rejects.toThrow(/No TXT record/);

    // Long values may arrive split into chunks.
    const value: string = added.body.record.value;
    const verified = await verifyDomain(ctx, added.body.id, publishedRecords({ [added.body.record.name]: [["v=spf1 -all"], [value.slice(0, 10), value.slice(10)]] }));
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    const listed = await call(listRoute, "GET", "/x", { cookie: members[0]!.cookie, params: { slug: org.slug } });
    expect(listed.body.items).toEqual([expect.objectContaining({ domain, verifiedAt: expect.any(String) })]);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "domain.verified" } })).toBe(1);
  });

  it("lets only one org verify a domain", async () => {
    const domain = `shared-${uniqueSuffix()}.example`;
    const first = await orgWithMembers();
    const second = await orgWithMembers();
    const a = await call(addRoute, "POST", "/x", { cookie: first.owner.cookie, params: { slug: first.org.slug }, body: { domain } });
    const b = await call(addRoute, "POST", "/x", { cookie: second.owner.cookie, params: { slug: second.org.slug }, body: { domain } });
    await verifyDomain(contextOf(first.org, first.owner.user.id), a.body.id, publishedRecords({ [a.body.record.name]: [[a.body.record.value]] }));
    await expect(
      verifyDomain(contextOf(second.org, second.owner.user.id), b.body.id, publishedRecords({ [b.body.record.name]: [[b.body.record.value]] })),
    ).rejects.toThrow(/Another organization has already verified this domain/);
  });

  it("removes a domain, and hides it from other orgs", async () => {
    const { org, owner } = await orgWithMembers();
    const added = await call(addRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { domain: `gone-${uniqueSuffix()}.example` } });
    const other = await orgWithMembers();
    expect((await call(removeRoute, "DELETE", "/x", { cookie: other.owner.cookie, params: { slug: other.org.slug, domainId: added.body.id } })).status).toBe(404);
    expect((await call(removeRoute, "DELETE", "/x", { cookie: owner.cookie, params: { slug: org.slug, domainId: added.body.id } })).status).toBe(204);
    expect(await getDb().orgDomain.count({ where: { orgId: org.id } })).toBe(0);
  });
});
