import { expect, it } from "vitest";
import { GET as listMembersRoute } from "@/app/api/v1/orgs/[slug]/members/route";
import { DELETE as removeRoute, PATCH as roleRoute } from "@/app/api/v1/orgs/[slug]/members/[membershipId]/route";
import { POST as leaveRoute } from "@/app/api/v1/orgs/[slug]/leave/route";
import { POST as acceptRoute } from "@/app/api/v1/orgs/[slug]/ownership-transfer/accept/route";
import { POST as offerRoute } from "@/app/api/v1/orgs/[slug]/ownership-transfer/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers, signedInUser } from "../testing/fixtures";
import { call } from "../testing/http";
import { waitForTestMail } from "../testing/mail";

describeWith(["postgres"], "members", () => {
  it("lists members with search and keyset pagination", async () => {
    const { org, owner } = await orgWithMembers(["admin", "member", "member", "billing"]);
    const params = { slug: org.slug };
    const first = await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?limit=2`, { cookie: owner.cookie, params });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?limit=2&cursor=${first.body.nextCursor}`, { cookie: owner.cookie, params });
    const third = await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?limit=2&cursor=${second.body.nextCursor}`, { cookie: owner.cookie, params });
    const all = [...first.body.items, ...second.body.items, ...third.body.items];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((member: { userId: string }) => member.userId)).size).toBe(5);
    expect(third.body.nextCursor).toBeNull();

    const searched = await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?query=BILLING`, { cookie: owner.cookie, params });
    expect(searched.body.items.map((member: { role: string }) => member.role)).toEqual(["billing"]);
    // LIKE wildcards in a search match themselves, not everything.
    const wildcard = await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?query=%25`, { cookie: owner.cookie, params });
    expect(wildcard.body.items).toEqual([]);
    const joined = all.map((member: { joinedAt: string }) => member.joinedAt);
    expect(joined).toEqual([...joined].sort());
    expect((await call(listMembersRoute, "GET", `/api/v1/orgs/${org.slug}/members?cursor=garbage`, { cookie: owner.cookie, params })).status).toBe(422);
  });

  it("enforces the role rules", async () => {
    const { org, owner, members } = await orgWithMembers(["admin", "member"]);
    const [admin, member] = members;
    const params = (membershipId: string) => ({ slug: org.slug, membershipId });
    const setRole = (cookie: string, membershipId: string, role: string) =>
      call(roleRoute, "PATCH", `/api/v1/orgs/${org.slug}/members/${membershipId}`, { cookie, params: params(membershipId), body: { role } });

    expect((await setRole(admin!.cookie, member!.membership.id, "billing")).status).toBe(200);
    // Nobody changes their own role.
    expect((await setRole(admin!.cookie, admin!.membership.id, "owner")).status).toBe(403);
    // Admins cannot make owners, nor change or remove an owner.
    expect((await setRole(admin!.cookie, member!.membership.id, "owner")).status).toBe(403);
    expect((await setRole(admin!.cookie, owner.membership.id, "member")).status).toBe(403);
    expect((await call(removeRoute, "DELETE", `/x`, { cookie: admin!.cookie, params: params(owner.membership.id) })).status).toBe(403);
    // Members cannot change roles at all.
    expect((await setRole(member!.cookie, admin!.membership.id, "member")).status).toBe(403);
    // The last owner cannot be demoted, remove themselves or leave.
    const second = await orgWithMembers(["owner"]);
    const coOwner = second.members[0]!;
    // coOwner is not a member of the first org: not found.
    expect((await setRole(coOwner.cookie, second.owner.membership.id, "admin")).status).toBe(404);
    const demote = await call(roleRoute, "PATCH", "/x", { cookie: coOwner.cookie, params: { slug: second.org.slug, membershipId: second.owner.membership.id }, body: { role: "admin" } });
    expect(demote.status).toBe(200);
    const lastDemote = await call(roleRoute, "PATCH", "/x", { cookie: second.owner.cookie, params: { slug: second.org.slug, membershipId: coOwner.membership.id }, body: { role: "admin" } });
    // Now an admin, the former owner cannot touch the remaining (last) owner.
    expect(lastDemote.status).toBe(403);
    const leave = await call(leaveRoute, "POST", "/x", { cookie: coOwner.cookie, params: { slug: second.org.slug } });
    expect(leave.status).toBe(409);
    expect(leave.body.error.message).toMatch(/last owner/);
  });

  it("removal takes effect on the member's next request and revokes the keys they created", async () => {
    const { org, owner, members } = await orgWithMembers(["member"]);
    const member = members[0]!;
    const key = await getDb().apiKey.create({ data: { orgId: org.id, createdById: member.user.id, name: "ci", prefix: "bst_x", keyHash: `hash-${member.user.id}`, scopes: [] } });
    const before = await call(listMembersRoute, "GET", "/x", { cookie: member.cookie, params: { slug: org.slug } });
    expect(before.status).toBe(200);

    expect((await call(removeRoute, "DELETE", "/x", { cookie: owner.cookie, params: { slug: org.slug, membershipId: member.membership.id } })).status).toBe(204);
    expect((await call(listMembersRoute, "GET", "/x", { cookie: member.cookie, params: { slug: org.slug } })).status).toBe(404);
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "member.removed", targetId: member.user.id } })).toBe(1);
  });

  it("answers 404 to a user of another org, for every member route", async () => {
    const { org, owner } = await orgWithMembers(["member"]);
    const attacker = await orgWithMembers();
    const params = { slug: org.slug, membershipId: owner.membership.id };
    expect((await call(listMembersRoute, "GET", "/x", { cookie: attacker.owner.cookie, params })).status).toBe(404);
    expect((await call(roleRoute, "PATCH", "/x", { cookie: attacker.owner.cookie, params, body: { role: "member" } })).status).toBe(404);
    expect((await call(removeRoute, "DELETE", "/x", { cookie: attacker.owner.cookie, params })).status).toBe(404);
    // A membership id from another org through one's own org: not found either.
    const own = { slug: attacker.org.slug, membershipId: owner.membership.id };
    expect((await call(removeRoute, "DELETE", "/x", { cookie: attacker.owner.cookie, params: own })).status).toBe(404);
  });

  it("transfers ownership in two steps", async () => {
    const { org, owner, members } = await orgWithMembers(["admin"]);
    const admin = members[0]!;
    expect((await call(offerRoute, "POST", "/x", { cookie: admin.cookie, params: { slug: org.slug }, body: { toUserId: owner.user.id } })).status).toBe(403);
    expect((await call(offerRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { toUserId: admin.user.id } })).status).toBe(200);
    // The new owner is told by email, with the way to the offer.
    const offerMail = await waitForTestMail(admin.user.email, { subject: /offered you ownership/ });
    expect(offerMail.text).toContain(`/orgs/${org.slug}#ownership`);
    // Not accepted yet: nothing changed.
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("admin");
    const stranger = await signedInUser();
    expect((await call(acceptRoute, "POST", "/x", { cookie: stranger.cookie, params: { slug: org.slug } })).status).toBe(404);
    expect((await call(acceptRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug } })).status).toBe(404);
    expect((await call(acceptRoute, "POST", "/x", { cookie: admin.cookie, params: { slug: org.slug } })).status).toBe(204);
    const roles = await getDb().membership.findMany({ where: { orgId: org.id }, select: { userId: true, role: true } });
    expect(Object.fromEntries(roles.map((row) => [row.userId, row.role]))).toEqual({ [admin.user.id]: "owner", [owner.user.id]: "admin" });
  });
});
