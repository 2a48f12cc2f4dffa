// The account API's profile endpoints, and the refusals every account endpoint shares:
// anonymous callers get 401, cross-site cookie requests get 403.
import { expect, it } from "vitest";
import { GET, PATCH, DELETE } from "@/app/api/v1/account/route";
import { POST as changePassword } from "@/app/api/v1/account/password/route";
import { POST as requestEmail } from "@/app/api/v1/account/email/route";
import { POST as confirmEmail } from "@/app/api/v1/account/email/confirm/route";
import { GET as listSessions } from "@/app/api/v1/account/sessions/route";
import { DELETE as revokeSession } from "@/app/api/v1/account/sessions/[id]/route";
import { POST as revokeOthers } from "@/app/api/v1/account/sessions/revoke-others/route";
import { POST as revokeAll } from "@/app/api/v1/account/sessions/revoke-all/route";
import { getDb } from "../db";
import { findActiveSession } from "../auth/sessions";
import { describeWith } from "../testing/describe";
import { signedInUser } from "../testing/fixtures";
import { accountRequest, noParams, withParams } from "./test-requests";

describeWith(["postgres", "redis"], "account API: profile", () => {
  it("shows the signed-in user's profile and connected identities, never provider tokens", async () => {
    const { user, cookie } = await signedInUser({ name: "Ada" });
    await getDb().account.create({
      data: { userId: user.id, type: "oauth", provider: "oidc", providerAccountId: "sub-123", access_token: "provider-access-secret", refresh_token: "provider-refresh-secret", id_token: "provider-id-token" },
    });
    const response = await GET(accountRequest("/api/v1/account", { cookie }), noParams);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      account: {
        id: user.id,
        name: "Ada",
        email: user.email,
        emailVerified: user.emailVerified!.toISOString(),
        hasPassword: false,
        telemetryOptOut: false,
        identities: [{ provider: "oidc", providerAccountId: "sub-123" }],
      },
    });
    for (const secret of ["provider-access-secret", "provider-refresh-secret", "provider-id-token"]) expect(text).not.toContain(secret);
  });

  it("renames the user, audited, and refuses an empty name with 422", async () => {
    const { user, cookie } = await signedInUser({ name: "Old" });
    const response = await PATCH(accountRequest("/api/v1/account", { method: "PATCH", cookie, body: { name: "  Grace Hopper " } }), noParams);
    expect(response.status).toBe(200);
    expect((await response.json()).account.name).toBe("Grace Hopper");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Grace Hopper");
    expect(await getDb().auditEvent.count({ where: { actorId: user.id, action: "account.name_changed" } })).toBe(1);

    const empty = await PATCH(accountRequest("/api/v1/account", { method: "PATCH", cookie, body: { name: "   " } }), noParams);
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.details).toEqual([{ path: "name", message: "Enter your name", in: "body" }]);
  });

  it("answers 401 to anonymous callers on every account endpoint", async () => {
    const calls: [string, Promise<Response>][] = [
      ["GET account", GET(accountRequest("/api/v1/account"), noParams)],
      ["PATCH account", PATCH(accountRequest("/api/v1/account", { method: "PATCH", body: { name: "x" } }), noParams)],
      ["DELETE account", DELETE(accountRequest("/api/v1/account", { method: "DELETE", body: { confirmation: "delete my account" } }), noParams)],
      ["password", changePassword(accountRequest("/api/v1/account/password", { body: { newPassword: "x" } }), noParams)],
      ["email", requestEmail(accountRequest("/api/v1/account/email", { body: { email: "a@example.test" } }), noParams)],
      ["email confirm", confirmEmail(accountRequest("/api/v1/account/email/confirm", { body: { token: "0123456789abcdef" } }), noParams)],
      ["sessions", listSessions(accountRequest("/api/v1/account/sessions"), noParams)],
      ["revoke one", revokeSession(accountRequest("/api/v1/account/sessions/x", { method: "DELETE" }), withParams({ id: "x" }))],
      ["revoke others", revokeOthers(accountRequest("/api/v1/account/sessions/revoke-others", { method: "POST" }), noParams)],
      ["revoke all", revokeAll(accountRequest("/api/v1/account/sessions/revoke-all", { method: "POST" }), noParams)],
      ["revoked cookie", GET(accountRequest("/api/v1/account", { cookie: "bastion.session=not-a-session" }), noParams)],
    ];
    for (const [name, pending] of calls) {
      const response = await pending;
      expect({ name, status: response.status }).toEqual({ name, status: 401 });
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  it("refuses cookie-authenticated changes from another origin (CSRF) and changes nothing", async () => {
    const { user, session, cookie } = await signedInUser({ name: "Kept" });
    const evil = "https://evil.example";
    const rename = await PATCH(accountRequest("/api/v1/account", { method: "PATCH", cookie, origin: evil, body: { name: "Pwned" } }), noParams);
    expect(rename.status).toBe(403);
    const everywhere = await revokeAll(accountRequest("/api/v1/account/sessions/revoke-all", { method: "POST", cookie, origin: evil }), noParams);
    expect(everywhere.status).toBe(403);
    const noOrigin = await DELETE(accountRequest("/api/v1/account", { method: "DELETE", cookie, origin: null, body: { confirmation: "delete my account" } }), noParams);
    expect(noOrigin.status).toBe(403);

    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Kept");
    expect(await findActiveSession(session.token)).not.toBeNull();
  });
});
