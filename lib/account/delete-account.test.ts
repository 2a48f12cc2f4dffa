// DELETE /api/v1/account: typed confirmation, password, sole-owner refusal, and the end.
import { expect, it } from "vitest";
import { DELETE, GET } from "@/app/api/v1/account/route";
import { getDb } from "../db";
import { hashPassword } from "../auth/passwords";
import { findActiveSession } from "../auth/sessions";
import { describeWith } from "../testing/describe";
import { createUser, signedInUser, uniqueSuffix } from "../testing/fixtures";
import { accountRequest, noParams } from "./test-requests";

const PASSWORD = "delete-Passphrase-99";

function remove(cookie: string, body: unknown) {
  return DELETE(accountRequest("/api/v1/account", { method: "DELETE", cookie, body }), noParams);
}

async function orgWith(members: { userId: string; role: "owner" | "admin" | "member" }[], name = "Acme") {
  const org = await getDb().organization.create({ data: { name, slug: `org-${uniqueSuffix()}` } });
  for (const member of members) await getDb().membership.create({ data: { orgId: org.id, ...member } });
  return org;
}

describeWith(["postgres", "redis"], "account API: delete account", () => {
  it("is refused with 409 naming the orgs while the user is their only owner", async () => {
    const { user, session, cookie } = await signedInUser();
    const colleague = await createUser();
    const solo = await orgWith([{ userId: user.id, role: "owner" }, { userId: colleague.id, role: "admin" }], "Solo Corp");
    await orgWith([{ userId: user.id, role: "owner" }, { userId: colleague.id, role: "owner" }], "Shared Inc");

    const response = await remove(cookie, { confirmation: "delete my account" });
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("Solo Corp");
    expect(error.message).not.toContain("Shared Inc");
    expect(error.details).toEqual({ organizations: [{ slug: solo.slug, name: "Solo Corp" }] });
    expect(await getDb().user.findUnique({ where: { id: user.id } })).not.toBeNull();
    expect(await findActiveSession(session.token)).not.toBeNull();
  });

  it("requires the typed confirmation and, for users with one, the current password", async () => {
    const { user, cookie } = await signedInUser({ passwordHash: await hashPassword(PASSWORD) });
    const unconfirmed = await remove(cookie, { confirmation: "yes", password: PASSWORD });
    expect(unconfirmed.status).toBe(422);
    expect((await unconfirmed.json()).error.details[0].path).toBe("confirmation");
    const noPassword = await remove(cookie, { confirmation: "delete my account" });
    expect(noPassword.status).toBe(422);
    expect((await noPassword.json()).error.details[0].path).toBe("password");
    const wrongPassword = await remove(cookie, { confirmation: "delete my account", password: "wrong-Passphrase-1" });
    expect(wrongPassword.status).toBe(422);
    expect(await getDb().user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });

  it("deletes the user, sessions, memberships and identities; audits it; the old cookie is refused afterwards", async () => {
    const { user, session, cookie } = await signedInUser({ passwordHash: await hashPassword(PASSWORD) });
    const owner = await createUser();
    const org = await orgWith([{ userId: owner.id, role: "owner" }, { userId: user.id, role: "member" }]);
    await getDb().account.create({ data: { userId: user.id, type: "oauth", provider: "oidc", providerAccountId: `sub-${uniqueSuffix()}` } });

    const response = await remove(cookie, { confirmation: "Delete my account", password: PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true });
    expect(response.headers.getSetCookie()[0]).toBe("bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");

    expect(await getDb().user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().account.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().membership.count({ where: { orgId: org.id } })).toBe(1);
    expect(await findActiveSession(session.token)).toBeNull();
    expect((await GET(accountRequest("/api/v1/account", { cookie }), noParams)).status).toBe(401);

    const deleted = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "account.deleted" } });
    expect(deleted).toMatchObject({ orgId: null, targetType: "user", targetId: user.id, metadata: { email: user.email } });
    const left = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "member.left" } });
    expect(left).toMatchObject({ orgId: org.id, metadata: { role: "member", reason: "account_deleted" } });
  });

  it("a user without a password deletes with the confirmation alone; a deleted org does not block", async () => {
    const { user, cookie } = await signedInUser({ passwordHash: null });
    const gone = await orgWith([{ userId: user.id, role: "owner" }]);
    await getDb().organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const response = await remove(cookie, { confirmation: "delete my account" });
    expect(response.status).toBe(200);
    expect(await getDb().user.findUnique({ where: { id: user.id } })).toBeNull();
  });
});
