import { expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/invitations/accept/route";
import { POST as lookupRoute } from "@/app/api/v1/invitations/lookup/route";
import { GET as listRoute, POST as inviteRoute } from "@/app/api/v1/orgs/[slug]/invitations/route";
import { DELETE as revokeRoute } from "@/app/api/v1/orgs/[slug]/invitations/[invitationId]/route";
import { POST as resendRoute } from "@/app/api/v1/orgs/[slug]/invitations/[invitationId]/resend/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers, signedInUser, uniqueSuffix } from "../testing/fixtures";
import { call } from "../testing/http";
import { waitForTestMail } from "../testing/mail";

function tokenFrom(text: string): string {
  const match = /invitations\/accept#token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error("no invitation link");
  return decodeURIComponent(match[1]!);
}

describeWith(["postgres"], "invitations", () => {
  it("invites by email, stores only the token's hash, and lets the invited user accept once", async () => {
    const { org, owner } = await orgWithMembers();
    const invitee = await signedInUser({ email: `invitee-${uniqueSuffix()}@example.test` });
    const since = Date.now();
    const created = await call(inviteRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "email", email: invitee.user.email.toUpperCase(), role: "admin" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "email", email: invitee.user.email, role: "admin" });
    expect(created.body.link).toBeUndefined();

    const mail = await waitForTestMail(invitee.user.email, { subject: /invited you to Acme/, since });
    const token = tokenFrom(mail.text);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(JSON.stringify(row)).not.toContain(token);

    const lookup = await call(lookupRoute, "POST", "/x", { body: { token } });
    expect(lookup.body).toMatchObject({ status: "valid", orgName: "Acme", role: "admin" });
    expect(JSON.stringify(lookup.body)).not.toContain(invitee.user.email);

    const accepted = await call(acceptRoute, "POST", "/x", { cookie: invitee.cookie, body: { token } });
    expect(accepted).toMatchObject({ status: 200, body: { orgSlug: org.slug } });
    expect(await getDb().membership.findFirst({ where: { orgId: org.id, userId: invitee.user.id } })).toMatchObject({ role: "admin" });
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "member.joined", targetId: invitee.user.id } })).toBe(1);

    const again = await call(acceptRoute, "POST", "/x", { cookie: invitee.cookie, body: { token } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already a member/);
    const someoneElse = await signedInUser({ email: invitee.user.email.replace("@", "+2@") });
    const used = await call(acceptRoute, "POST", "/x", { cookie: someoneElse.cookie, body: { token } });
    expect(used.status).toBe(410);
    expect(used.body.error.message).toBe("This invitation has already been used.");
  });

  it("keeps one pending invitation per address, refuses members, and only owners invite owners", async () => {
    const { org, owner, members } = await orgWithMembers(["admin", "member"]);
    const email = `dup-${uniqueSuffix()}@example.test`;
    const invite = (cookie: string, body: object) => call(inviteRoute, "POST", "/x", { cookie, params: { slug: org.slug }, body });
    expect((await invite(owner.cookie, { kind: "email", email })).status).toBe(201);
    const duplicate = await invite(owner.cookie, { kind: "email", email });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details.invitationId).toEqual(expect.any(String));
    expect((await invite(owner.cookie, { kind: "email", email: members[1]!.user.email })).status).toBe(409);
    expect((await invite(members[0]!.cookie, { kind: "email", email: `o-${uniqueSuffix()}@example.test`, role: "owner" })).status).toBe(403);
    expect((await invite(members[1]!.cookie, { kind: "email", email: `m-${uniqueSuffix()}@example.test` })).status).toBe(403);
    expect((await invite(owner.cookie, { kind: "email", email: "not-an-email" })).status).toBe(422);
  });

  it("refuses the wrong account, an expired and a revoked invitation with clear answers", async () => {
    const { org, owner } = await orgWithMembers();
    const email = `right-${uniqueSuffix()}@example.test`;
    const since = Date.now();
    const created = await call(inviteRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "email", email } });
    const token = tokenFrom((await waitForTestMail(email, { since })).text);

    const wrong = await signedInUser();
    const refused = await call(acceptRoute, "POST", "/x", { cookie: wrong.cookie, body: { token } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("This invitation is for another email address. Sign in with the address it was sent to.");
    expect(JSON.stringify(refused.body)).not.toContain(email);

    await getDb().invitation.update({ where: { id: created.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const right = await signedInUser({ email });
    const expired = await call(acceptRoute, "POST", "/x", { cookie: right.cookie, body: { token } });
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired/);

    // Resending issues a new token and revives the invitation; the old link stays dead.
    const resent = await call(resendRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug, invitationId: created.body.id } });
    expect(resent.status).toBe(200);
    const fresh = tokenFrom((await waitForTestMail(email, { since: Date.now() - 50 })).text);
    expect(fresh).not.toBe(token);
    expect((await call(lookupRoute, "POST", "/x", { body: { token } })).status).toBe(404);

    expect((await call(revokeRoute, "DELETE", "/x", { cookie: owner.cookie, params: { slug: org.slug, invitationId: created.body.id } })).status).toBe(204);
    const revoked = await call(acceptRoute, "POST", "/x", { cookie: right.cookie, body: { token: fresh } });
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.message).toBe("This invitation was revoked.");
    expect((await call(listRoute, "GET", "/x", { cookie: owner.cookie, params: { slug: org.slug } })).body.items).toEqual([]);
  });

  it("lets verified addresses on the allowed domains join through a shareable link", async () => {
    const { org, owner } = await orgWithMembers();
    const domain = `corp-${uniqueSuffix()}.example`;
    const created = await call(inviteRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "link", allowedDomains: [domain.toUpperCase()], role: "member" } });
    expect(created.status).toBe(201);
    const token = new URLSearchParams(new URL(created.body.link).hash.slice(1)).get("token")!;

    const outsider = await signedInUser({ email: `x-${uniqueSuffix()}@elsewhere.example` });
    expect((await call(acceptRoute, "POST", "/x", { cookie: outsider.cookie, body: { token } })).status).toBe(403);
    const unverified = await signedInUser({ email: `u-${uniqueSuffix()}@${domain}`, emailVerified: null });
    expect((await call(acceptRoute, "POST", "/x", { cookie: unverified.cookie, body: { token } })).status).toBe(403);
    for (const name of ["a", "b"]) {
      const colleague = await signedInUser({ email: `${name}-${uniqueSuffix()}@${domain}` });
      expect((await call(acceptRoute, "POST", "/x", { cookie: colleague.cookie, body: { token } })).status).toBe(200);
    }
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: created.body.id } })).acceptedCount).toBe(2);
  });

  it("answers 404 to another org's admin for every invitation route", async () => {
    const { org, owner } = await orgWithMembers();
    const created = await call(inviteRoute, "POST", "/x", { cookie: owner.cookie, params: { slug: org.slug }, body: { kind: "link", allowedDomains: ["example.com"] } });
    const attacker = await orgWithMembers();
    const params = { slug: org.slug, invitationId: created.body.id };
    expect((await call(listRoute, "GET", "/x", { cookie: attacker.owner.cookie, params })).status).toBe(404);
    expect((await call(revokeRoute, "DELETE", "/x", { cookie: attacker.owner.cookie, params })).status).toBe(404);
    expect((await call(resendRoute, "POST", "/x", { cookie: attacker.owner.cookie, params: { ...params, slug: attacker.org.slug } })).status).toBe(404);
  });
});
