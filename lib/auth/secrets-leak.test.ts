// Acceptance: no response, log line or stored audit event carries a password, a session
// token or an emailed token. Only the email delivering a link contains that link's token,
// and only the Set-Cookie header of sign-in carries the session token.
import { expect, it } from "vitest";
import { POST as forgotPost } from "@/app/api/v1/auth/password/forgot/route";
import { POST as resetPost } from "@/app/api/v1/auth/password/reset/route";
import { POST as signInPost } from "@/app/api/v1/auth/sign-in/route";
import { POST as signOutPost } from "@/app/api/v1/auth/sign-out/route";
import { POST as signUpPost } from "@/app/api/v1/auth/sign-up/route";
import { POST as unlockPost } from "@/app/api/v1/auth/unlock/route";
import { POST as resendPost } from "@/app/api/v1/auth/verify-email/resend/route";
import { POST as verifyPost } from "@/app/api/v1/auth/verify-email/route";
import { getDb } from "../db";
import { emailedToken, postJson, testIp } from "../testing/auth-api";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { LOCKOUT_THRESHOLD } from "./limits";
import { rowsText } from "../testing/rows-text";

type Handler = Parameters<typeof postJson>[0];

describeWith(["postgres", "redis"], "secrets never leak from the password flows", () => {
  it("keeps passwords and tokens out of responses, logs and audit events", async () => {
    const logs = captureLogs();
    const seen: string[] = [];
    const sessionCookies: string[] = [];
    const call = async (handler: Handler, path: string, body: unknown, cookie?: string) => {
      const response = await postJson(handler, path, body, { ip: testIp(), cookie });
      const setCookie = response.headers.getSetCookie();
      sessionCookies.push(...setCookie);
      const headers = [...response.headers].filter(([name]) => name !== "set-cookie");
      seen.push(`${path} ${response.status} ${JSON.stringify(headers)} ${await response.text()}`);
      return { status: response.status, cookie: setCookie[0]?.split(";")[0] };
    };

    const email = `leak-${uniqueSuffix()}@example.test`;
    const password = `first-${uniqueSuffix()}-Secret`;
    const wrongPassword = `wrong-${uniqueSuffix()}-Guess`;
    const newPassword = `second-${uniqueSuffix()}-Secret`;
    const tooLong = `long-${uniqueSuffix()}-`.repeat(200);
    const secrets: string[] = [password, wrongPassword, newPassword, tooLong];
    const since = Date.now();

    expect((await call(signUpPost, "/api/v1/auth/sign-up", { email, password, name: "Leak" })).status).toBe(200);
    expect((await call(signUpPost, "/api/v1/auth/sign-up", { email, password: newPassword, name: "Again" })).status).toBe(200);
    expect((await call(signUpPost, "/api/v1/auth/sign-up", { email: `x-${uniqueSuffix()}@example.test`, password: "short", name: "W" })).status).toBe(422);
    const firstVerification = await emailedToken(email, /^Verify your email/, "/verify-email", since);
    const resentSince = Date.now();
    await call(resendPost, "/api/v1/auth/verify-email/resend", { email });
    const verification = await emailedToken(email, /^Verify your email/, "/verify-email", resentSince);
    secrets.push(firstVerification, verification);
    expect((await call(signInPost, "/api/v1/auth/sign-in", { email, password })).status).toBe(403);
    expect((await call(verifyPost, "/api/v1/auth/verify-email", { token: firstVerification })).status).toBe(410);
    expect((await call(verifyPost, "/api/v1/auth/verify-email", { token: verification })).status).toBe(200);
    expect((await call(verifyPost, "/api/v1/auth/verify-email", { token: verification })).status).toBe(410);

    expect((await call(signInPost, "/api/v1/auth/sign-in", { email, password: tooLong })).status).toBe(422);
    expect((await call(signInPost, "/api/v1/auth/sign-in", { email, password: wrongPassword })).status).toBe(401);
    const signedIn = await call(signInPost, "/api/v1/auth/sign-in", { email, password, next: "/orgs/x" });
    expect(signedIn.status).toBe(200);
    secrets.push(signedIn.cookie!.split("=")[1]!);
    expect((await call(signOutPost, "/api/v1/auth/sign-out", {}, signedIn.cookie)).status).toBe(200);

    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt++) await call(signInPost, "/api/v1/auth/sign-in", { email, password: wrongPassword });
    expect((await call(signInPost, "/api/v1/auth/sign-in", { email, password: wrongPassword })).status).toBe(403);
    const unlockToken = await emailedToken(email, /locked/, "/unlock", since);
    secrets.push(unlockToken);
    expect((await call(unlockPost, "/api/v1/auth/unlock", { token: unlockToken })).status).toBe(200);
    expect((await call(unlockPost, "/api/v1/auth/unlock", { token: unlockToken })).status).toBe(410);

    const resetSince = Date.now();
    await call(forgotPost, "/api/v1/auth/password/forgot", { email });
    const resetToken = await emailedToken(email, /^Reset your Bastion password$/, "/reset-password", resetSince);
    secrets.push(resetToken);
    expect((await call(resetPost, "/api/v1/auth/password/reset", { token: resetToken, password: "password123" })).status).toBe(422);
    expect((await call(resetPost, "/api/v1/auth/password/reset", { token: resetToken, password: newPassword })).status).toBe(200);
    expect((await call(resetPost, "/api/v1/auth/password/reset", { token: resetToken, password: newPassword })).status).toBe(410);
    const again = await call(signInPost, "/api/v1/auth/sign-in", { email, password: newPassword });
    expect(again.status).toBe(200);
    secrets.push(again.cookie!.split("=")[1]!);

    const user = await getDb().user.findUniqueOrThrow({ where: { email }, include: { authTokens: true, sessions: true } });
    const audit = await getDb().auditEvent.findMany({ where: { OR: [{ actorId: user.id }, { targetId: user.id }] } });
    expect(audit.length).toBeGreaterThan(LOCKOUT_THRESHOLD);
    expect(logs.entries().filter((entry) => entry.msg === "request").length).toBe(seen.length);

    const haystacks = { responses: seen.join("\n"), logs: logs.text(), audit: rowsText(audit), stored: JSON.stringify(user) };
    for (const secret of secrets) {
      for (const [where, text] of Object.entries(haystacks)) {
        expect(text.includes(secret), `a secret appeared in ${where}`).toBe(false);
      }
    }
    // The session tokens travelled only in Set-Cookie, HttpOnly.
    expect(sessionCookies.filter((cookie) => cookie.includes(secrets.at(-1)!))).toHaveLength(1);
    expect(sessionCookies.every((cookie) => cookie.includes("HttpOnly"))).toBe(true);
  });
});
