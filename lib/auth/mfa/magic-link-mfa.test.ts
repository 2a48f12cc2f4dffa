// A magic link proves the first factor only: an account with a second factor gets the MFA
// step (ticket in an HttpOnly cookie, never the URL) and no session until the code.
import { expect, it } from "vitest";
import { POST as mfaPost } from "@/app/api/v1/auth/mfa/route";
import { getDb } from "../../db";
import { AuthBrowser, locationOf } from "../../testing/auth-browser";
import { postJson, testIp } from "../../testing/auth-api";
import { describeWith } from "../../testing/describe";
import { createUser, uniqueSuffix } from "../../testing/fixtures";
import { linkIn, waitForTestMail } from "../../testing/mail";
import { SESSION_COOKIE } from "../session-cookie";
import { findActiveSession } from "../sessions";
import { MFA_PENDING_COOKIE } from "./pending-cookie";
import { newTotpSecret, totpCodeAt } from "./totp";
import { sealTotpSecret } from "./totp-secret";

describeWith(["postgres", "redis"], "MFA step at magic-link sign-in", () => {
  it("sends an account with TOTP to the MFA step without a session, then the code opens a magic_link session", async () => {
    const email = `ml-mfa-${uniqueSuffix()}@example.test`;
    const user = await createUser({ email });
    const secret = newTotpSecret();
    await getDb().user.update({ where: { id: user.id }, data: { totpSecretEncrypted: await sealTotpSecret(user.id, secret), totpEnabledAt: new Date() } });

    const browser = new AuthBrowser();
    const since = Date.now();
    await browser.signIn("email", { email, callbackUrl: "/orgs/acme" });
    const link = linkIn(await waitForTestMail(email, { subject: /sign-in link/, since }), "/api/auth/callback/email");
    const callback = await browser.auth("GET", link);
    expect(callback.status).toBe(302);
    expect(locationOf(callback)).toBe(`/sign-in/mfa?next=${encodeURIComponent("/orgs/acme")}`);
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
    const ticket = browser.cookie(MFA_PENDING_COOKIE)!;
    expect(ticket).toBeTruthy();
    expect(callback.headers.get("set-cookie")).toMatch(new RegExp(`${MFA_PENDING_COOKIE}=[^;]+;.*HttpOnly`, "i"));
    expect(locationOf(callback)).not.toContain(ticket);

    const ip = testIp();
    const wrong = await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, code: "12345" }, { ip });
    expect(wrong.status).toBe(401);
    const passed = await postJson(mfaPost, "/api/v1/auth/mfa", { mfaTicket: ticket, code: totpCodeAt(secret, new Date()), next: "/orgs/acme" }, { ip });
    expect(passed.status).toBe(200);
    expect((await passed.json()).redirectTo).toBe("/orgs/acme");
    const cookies = passed.headers.getSetCookie();
    expect(cookies.some((cookie) => cookie.startsWith(`${MFA_PENDING_COOKIE}=;`) && /Max-Age=0/.test(cookie))).toBe(true);
    const sessionToken = decodeURIComponent(cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!.split(";")[0]!.split("=")[1]!);
    const session = await findActiveSession(sessionToken);
    expect(session?.userId).toBe(user.id);
    expect((await getDb().session.findFirstOrThrow({ where: { userId: user.id } })).method).toBe("magic_link");
  });
});
