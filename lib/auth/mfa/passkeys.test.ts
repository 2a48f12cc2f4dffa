// Passkeys end to end through the route handlers, with a software authenticator
// (ES256 from node:crypto, "none" attestation): registration after re-authentication,
// use at the MFA step, challenges taken once, a counter that goes back refused, rename
// and removal.
import { expect, it } from "vitest";
import { DELETE as passkeyDelete, PATCH as passkeyPatch } from "@/app/api/v1/account/mfa/passkeys/[id]/route";
import { POST as optionsPost } from "@/app/api/v1/account/mfa/passkeys/options/route";
import { POST as passkeysPost } from "@/app/api/v1/account/mfa/passkeys/route";
import { GET as mfaGet } from "@/app/api/v1/account/mfa/route";
import { POST as stepOptionsPost } from "@/app/api/v1/auth/mfa/passkey-options/route";
import { POST as mfaPost } from "@/app/api/v1/auth/mfa/route";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { getDb } from "../../db";
import { postJson, testIp } from "../../testing/auth-api";
import { describeWith } from "../../testing/describe";
import { createUser, uniqueSuffix } from "../../testing/fixtures";
import { call } from "../../testing/http";
import { SoftAuthenticator } from "../../testing/soft-authenticator";
import { hasSecondFactor } from "./factors";
import { hashPassword } from "../passwords";
import { createSession } from "../sessions";
import { SESSION_COOKIE } from "../session-cookie";

const PASSWORD = "violet-anchor-97-tundra";
// The route helpers call as a browser at http://localhost:3000 would.
const authenticator = () => new SoftAuthenticator("localhost", "http://localhost:3000");

async function userWithPassword() {
  const user = await createUser({ email: `passkey-${uniqueSuffix()}@example.test`, passwordHash: await hashPassword(PASSWORD) });
  const session = await createSession(getDb(), { userId: user.id, method: "password", ip: "127.0.0.1", userAgent: "vitest" });
  return { user, cookie: `${SESSION_COOKIE}=${session.token}` };
}

async function register(cookie: string, key: SoftAuthenticator, name = "Laptop") {
  const options = await call(optionsPost, "POST", "/api/v1/account/mfa/passkeys/options", { cookie, body: { password: PASSWORD } });
  expect(options.status).toBe(200);
  return call(passkeysPost, "POST", "/api/v1/account/mfa/passkeys", { cookie, body: { name, response: key.register(options.body.options.challenge) } });
}

async function ticketFor(email: string, ip: string): Promise<string> {
  const response = await postJson(signInPost, "/api/v1/auth/sign-in", { email, password: PASSWORD }, { ip });
  return (await response.json()).mfaTicket;
}

async function stepChallenge(mfaTicket: string, ip: string): Promise<string> {
  const response = await postJson(stepOptionsPost, "/api/v1/auth/mfa/passkey-options", { mfaTicket }, { ip });
  expect(response.status).toBe(200);
  return (await response.json()).options.challenge;
}

describeWith(["postgres", "redis"], "passkeys", () => {
  it("registers after re-authentication, counts as a second factor, and signs in at the MFA step", async () => {
    const { user, cookie } = await userWithPassword();
    expect((await call(optionsPost, "POST", "/api/v1/account/mfa/passkeys/options", { cookie, body: { password: "wrong-password-1" } })).status).toBe(422);
    const key = authenticator();
    const registered = await register(cookie, key);
    expect(registered.status).toBe(200);
    expect(registered.body.passkey.name).toBe("Laptop");
    expect(registered.body.recoveryCodes).toHaveLength(10);
    expect(await hasSecondFactor(user.id)).toBe(true);
    const status = await call(mfaGet, "GET", "/api/v1/account/mfa", { cookie });
    expect(status.body.mfa.passkeys.map((p: { name: string }) => p.name)).toEqual(["Laptop"]);

    const ip = testIp();
    const ticket = await ticketFor(user.email, ip);
    const passed = await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: key.assert(await stepChallenge(ticket, ip)) }, { ip });
    expect(passed.status).toBe(200);
    const signIn = await getDb().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.sign_in" }, orderBy: { createdAt: "desc" } });
    expect(signIn.metadata).toMatchObject({ secondFactor: "passkey" });
    const row = await getDb().passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.counter).toBe(1n);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("takes each challenge once, refuses an expired one, a counter that goes back, and another user's passkey", async () => {
    const { user, cookie } = await userWithPassword();
    const key = authenticator();
    expect((await register(cookie, key)).status).toBe(200);
    const ip = testIp();

    // A registration challenge is spent by its first use.
    const options = await call(optionsPost, "POST", "/api/v1/account/mfa/passkeys/options", { cookie, body: { password: PASSWORD } });
    const second = authenticator();
    const response = second.register(options.body.options.challenge);
    expect((await call(passkeysPost, "POST", "/api/v1/account/mfa/passkeys", { cookie, body: { name: "Phone", response } })).status).toBe(200);
    expect((await call(passkeysPost, "POST", "/api/v1/account/mfa/passkeys", { cookie, body: { name: "Again", response: authenticator().register(options.body.options.challenge) } })).status).toBe(422);

    // An assertion replayed, or for a challenge never issued, opens nothing.
    const ticket = await ticketFor(user.email, ip);
    const assertion = key.assert(await stepChallenge(ticket, ip));
    expect((await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: assertion }, { ip })).status).toBe(200);
    const replay = await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: assertion }, { ip });
    expect(replay.status).toBe(401);
    expect(replay.headers.get("set-cookie")).toBeNull();
    expect((await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: key.assert("bm90LWlzc3VlZA") }, { ip })).status).toBe(401);

    // A cloned authenticator: the counter does not move forward.
    key.counter = 0;
    expect((await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: key.assert(await stepChallenge(ticket, ip)) }, { ip })).status).toBe(401);

    // An expired challenge.
    const challenge = await stepChallenge(ticket, ip);
    await getDb().webAuthnChallenge.updateMany({ where: { userId: user.id, challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    key.counter = 100;
    expect((await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: key.assert(challenge) }, { ip })).status).toBe(401);

    // Another user's passkey does not answer for this user.
    const other = await userWithPassword();
    const otherKey = authenticator();
    expect((await register(other.cookie, otherKey)).status).toBe(200);
    expect((await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, passkey: otherKey.assert(await stepChallenge(ticket, ip)) }, { ip })).status).toBe(401);
    const failures = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { failedMfaCount: true } });
    expect(failures.failedMfaCount).toBeGreaterThanOrEqual(3);
  });

  it("renames and removes (re-authenticated) only the caller's own passkeys; the last factor gone drops the recovery codes", async () => {
    const { user, cookie } = await userWithPassword();
    const registered = await register(cookie, authenticator());
    const id = registered.body.passkey.id;
    const other = await userWithPassword();
    expect((await call(passkeyPatch, "PATCH", `/api/v1/account/mfa/passkeys/${id}`, { cookie: other.cookie, params: { id }, body: { name: "Mine now" } })).status).toBe(404);
    const renamed = await call(passkeyPatch, "PATCH", `/api/v1/account/mfa/passkeys/${id}`, { cookie, params: { id }, body: { name: "  Work laptop " } });
    expect(renamed.body.passkey.name).toBe("Work laptop");
    expect((await call(passkeyPatch, "PATCH", `/api/v1/account/mfa/passkeys/${id}`, { cookie, params: { id }, body: { name: "" } })).status).toBe(422);

    expect((await call(passkeyDelete, "DELETE", `/api/v1/account/mfa/passkeys/${id}`, { cookie, params: { id }, body: {} })).status).toBe(422);
    expect((await call(passkeyDelete, "DELETE", `/api/v1/account/mfa/passkeys/${id}`, { cookie: other.cookie, params: { id }, body: { password: PASSWORD } })).status).toBe(404);
    expect((await call(passkeyDelete, "DELETE", `/api/v1/account/mfa/passkeys/${id}`, { cookie, params: { id }, body: { password: PASSWORD } })).status).toBe(200);
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect(await getDb().mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const audit = await getDb().auditEvent.findMany({ where: { actorId: user.id, action: { startsWith: "account.mfa.passkey" } }, select: { action: true } });
    expect(audit.map((event) => event.action).sort()).toEqual(["account.mfa.passkey_added", "account.mfa.passkey_removed"]);
  });
});
