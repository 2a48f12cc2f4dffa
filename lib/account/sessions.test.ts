// The account's sessions endpoints: list without secrets, revoke one / others / all.
import { expect, it } from "vitest";
import { GET as list } from "@/app/api/v1/account/sessions/route";
import { DELETE as revokeOne } from "@/app/api/v1/account/sessions/[id]/route";
import { POST as revokeOthers } from "@/app/api/v1/account/sessions/revoke-others/route";
import { POST as revokeAll } from "@/app/api/v1/account/sessions/revoke-all/route";
import { getDb } from "../db";
import { startSession } from "../auth/start-session";
import { createSession, findActiveSession } from "../auth/sessions";
import { hashToken } from "../auth/tokens";
import { describeWith } from "../testing/describe";
import { signedInUser } from "../testing/fixtures";
import { accountRequest, noParams, withParams } from "./test-requests";
import type { SessionView } from "./types";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

describeWith(["postgres", "redis"], "account API: sessions", () => {
  it("lists the user's live sessions with device, IP and last seen, marks the current one, and never exposes tokens or hashes", async () => {
    const { user, session, cookie } = await signedInUser();
    const other = await createSession(getDb(), { userId: user.id, method: "sso", ip: "203.0.113.9", userAgent: FIREFOX });
    const stranger = await signedInUser();

    const response = await list(accountRequest("/api/v1/account/sessions", { cookie }), noParams);
    expect(response.status).toBe(200);
    const text = await response.text();
    const { sessions } = JSON.parse(text) as { sessions: SessionView[] };
    expect(sessions.map((entry) => entry.id).sort()).toEqual([session.sessionId, other.sessionId].sort());
    expect(sessions.find((entry) => entry.id === other.sessionId)).toEqual({
      id: other.sessionId,
      device: "Firefox on Windows",
      ipAddress: "203.0.113.9",
      method: "sso",
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      current: false,
    });
    expect(sessions.find((entry) => entry.id === session.sessionId)?.current).toBe(true);
    for (const secret of [session.token, other.token, hashToken(session.token), hashToken(other.token), stranger.session.sessionId, "tokenHash"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("revokes one session, which is refused on its next request; audited", async () => {
    const { user, session, cookie } = await signedInUser();
    const other = await createSession(getDb(), { userId: user.id, method: "password", ip: null, userAgent: null });
    const response = await revokeOne(accountRequest(`/api/v1/account/sessions/${other.sessionId}`, { method: "DELETE", cookie }), withParams({ id: other.sessionId }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: true, current: false });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await findActiveSession(other.token)).toBeNull();
    expect(await findActiveSession(session.token)).not.toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "session.revoked" } });
    expect(audit).toMatchObject({ targetType: "session", targetId: other.sessionId, metadata: { scope: "one" } });
  });

  it("answers 404 for another user's session id and leaves it alone", async () => {
    const attacker = await signedInUser();
    const victim = await signedInUser();
    const id = victim.session.sessionId;
    const response = await revokeOne(accountRequest(`/api/v1/account/sessions/${id}`, { method: "DELETE", cookie: attacker.cookie }), withParams({ id }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect(await findActiveSession(victim.session.token)).not.toBeNull();
    const unknown = await revokeOne(accountRequest("/api/v1/account/sessions/nope", { method: "DELETE", cookie: attacker.cookie }), withParams({ id: "nope" }));
    expect(unknown.status).toBe(404);
  });

  it("revoking the current session signs this browser out too", async () => {
    const { session, cookie } = await signedInUser();
    const response = await revokeOne(accountRequest(`/api/v1/account/sessions/${session.sessionId}`, { method: "DELETE", cookie }), withParams({ id: session.sessionId }));
    expect(await response.json()).toEqual({ revoked: true, current: true });
    expect(response.headers.getSetCookie()).toContain("bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect(await findActiveSession(session.token)).toBeNull();
  });

  it("signs out other sessions but keeps this one", async () => {
    const { user, session, cookie } = await signedInUser();
    const others = await Promise.all([1, 2].map(() => createSession(getDb(), { userId: user.id, method: "password", ip: null, userAgent: null })));
    const response = await revokeOthers(accountRequest("/api/v1/account/sessions/revoke-others", { method: "POST", cookie }), noParams);
    expect(await response.json()).toEqual({ revoked: 2 });
    for (const other of others) expect(await findActiveSession(other.token)).toBeNull();
    expect(await findActiveSession(session.token)).not.toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "session.revoked" } });
    expect(audit.metadata).toEqual({ scope: "others", count: 2 });
  });

  it("signs out everywhere, this browser included, and clears the cookie", async () => {
    const { user, session, cookie } = await signedInUser();
    const other = await createSession(getDb(), { userId: user.id, method: "password", ip: null, userAgent: null });
    const response = await revokeAll(accountRequest("/api/v1/account/sessions/revoke-all", { method: "POST", cookie }), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: 2 });
    expect(response.headers.getSetCookie()).toEqual([
      "bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
      "__Host-bastion.session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
    ]);
    expect(await findActiveSession(session.token)).toBeNull();
    expect(await findActiveSession(other.token)).toBeNull();
    expect((await list(accountRequest("/api/v1/account/sessions", { cookie }), noParams)).status).toBe(401);
  });

  it("session cookies are HttpOnly and SameSite=Lax, Secure with the __Host- prefix over HTTPS only", async () => {
    const { user } = await signedInUser();
    const plain = await startSession(getDb(), new Request("http://localhost:3000/api/v1/auth/sign-in"), user.id, "password");
    expect(plain.setCookie).toMatch(/^bastion\.session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=.+ GMT$/);
    expect(plain.setCookie).not.toContain("Secure");
    const secure = await startSession(getDb(), new Request("https://bastion.example/api/v1/auth/sign-in"), user.id, "password");
    expect(secure.setCookie).toMatch(/^__Host-bastion\.session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=.+; Secure$/);
  });
});
