import { expect, it } from "vitest";
import { getDb } from "../db";
import { route } from "../http/route";
import { describeWith } from "../testing/describe";
import { signedInUser } from "../testing/fixtures";
import { hashToken } from "./tokens";
import { findActiveSession, listSessions, revokeSession, revokeSessions } from "./sessions";

const whoami = route({ auth: "session" }, async ({ actor }) => ({ actor }));
const mutate = route({ auth: "session" }, async () => ({ changed: true }));

function get(cookie: string) {
  return whoami(new Request("http://localhost:3000/api/whoami", { headers: { cookie } }));
}

describeWith(["postgres"], "sessions", () => {
  it("stores only the token's hash and recognises the cookie on the next request", async () => {
    const { user, session, cookie } = await signedInUser();
    const row = await getDb().session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row.tokenHash).toBe(hashToken(session.token));
    expect(JSON.stringify(row)).not.toContain(session.token);

    const response = await get(cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: { kind: "user", userId: user.id, sessionId: session.sessionId } });
  });

  it("refuses an unknown, expired or revoked session and a deactivated user on their next request", async () => {
    expect((await get("bastion.session=not-a-real-token")).status).toBe(401);

    const expired = await signedInUser();
    await getDb().session.update({ where: { id: expired.session.sessionId }, data: { expires: new Date(Date.now() - 1000) } });
    expect((await get(expired.cookie)).status).toBe(401);

    const revoked = await signedInUser();
    expect((await get(revoked.cookie)).status).toBe(200);
    expect(await revokeSession(getDb(), revoked.user.id, revoked.session.sessionId)).toBe(true);
    expect((await get(revoked.cookie)).status).toBe(401);

    const deactivated = await signedInUser();
    await getDb().user.update({ where: { id: deactivated.user.id }, data: { deactivatedAt: new Date() } });
    expect((await get(deactivated.cookie)).status).toBe(401);
  });

  it("signs out other sessions while keeping the current one, and lists sessions without tokens", async () => {
    const first = await signedInUser();
    const { createSession } = await import("./sessions");
    const second = await createSession(getDb(), { userId: first.user.id, method: "password", ip: "10.0.0.2", userAgent: "other" });
    const listed = await listSessions(first.user.id);
    expect(listed.map((session) => session.id).sort()).toEqual([first.session.sessionId, second.sessionId].sort());
    expect(JSON.stringify(listed)).not.toContain(first.session.token);
    expect(Object.keys(listed[0]!)).not.toContain("tokenHash");

    expect(await revokeSessions(getDb(), first.user.id, first.session.sessionId)).toBe(1);
    expect(await findActiveSession(second.token)).toBeNull();
    expect(await findActiveSession(first.session.token)).not.toBeNull();
  });

  it("refuses a cookie-authenticated state change from another origin", async () => {
    const { cookie } = await signedInUser();
    const post = (headers: Record<string, string>) =>
      mutate(new Request("http://localhost:3000/api/things", { method: "POST", headers: { cookie, ...headers } }));
    expect((await post({ origin: "http://localhost:3000" })).status).toBe(200);
    const crossSite = await post({ origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.message).toMatch(/^Cross-site request refused: this page was opened at https:\/\/evil\.example/);
    expect((await post({})).status).toBe(403);
    expect((await post({ referer: "http://localhost:3000/orgs/acme" })).status).toBe(200);
  });
});
