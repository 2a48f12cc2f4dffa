import { expect, it } from "vitest";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { createUser, uniqueSuffix } from "../../testing/fixtures";
import { findActiveSession } from "../sessions";
import { randomToken, hashToken } from "../tokens";
import { bastionAdapter } from "./adapter";

const meta = { ip: "203.0.113.7", userAgent: "adapter-test" };

describeWith(["postgres"], "next-auth adapter", () => {
  it("stores only the hash of a session token, and findActiveSession recognises the session", async () => {
    const user = await createUser();
    const adapter = bastionAdapter({ method: "sso", meta });
    const token = randomToken();
    const expires = new Date(Date.now() + 60_000);
    await adapter.createSession!({ sessionToken: token, userId: user.id, expires });

    const rows = await getDb().session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashToken(token), method: "sso", ipAddress: meta.ip, userAgent: meta.userAgent });
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await findActiveSession(token)).toMatchObject({ userId: user.id, email: user.email });
    const found = await adapter.getSessionAndUser!(token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(token);

    await adapter.deleteSession!(token);
    expect(await findActiveSession(token)).toBeNull();
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("refuses sessions and lookups of deactivated users", async () => {
    const user = await createUser();
    const adapter = bastionAdapter({ method: "magic_link", meta });
    const token = randomToken();
    await adapter.createSession!({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 60_000) });
    await getDb().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await adapter.getUserByEmail!(user.email)).toBeNull();
  });

  it("lower-cases new users' emails and links accounts without storing OAuth tokens", async () => {
    const adapter = bastionAdapter({ method: "sso", meta });
    const email = `Mixed.Case-${uniqueSuffix()}@Example.TEST`;
    const user = await adapter.createUser!({ email, emailVerified: null, name: "Mixed" });
    expect(user.email).toBe(email.toLowerCase());
    expect((await adapter.getUserByEmail!(email))?.id).toBe(user.id);

    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "sso-acme",
      providerAccountId: "subject-1",
      access_token: "secret-access-token",
      id_token: "secret-id-token",
      refresh_token: "secret-refresh-token",
    });
    const account = await getDb().account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account).toMatchObject({ provider: "sso-acme", providerAccountId: "subject-1", access_token: null, id_token: null, refresh_token: null });
    expect((await adapter.getUserByAccount!({ provider: "sso-acme", providerAccountId: "subject-1" }))?.id).toBe(user.id);
  });

  it("uses a verification token once", async () => {
    const adapter = bastionAdapter({ method: "magic_link", meta });
    const identifier = `vt-${uniqueSuffix()}@example.test`;
    const token = { identifier, token: hashToken(randomToken()), expires: new Date(Date.now() + 60_000) };
    await adapter.createVerificationToken!(token);
    const [first, second] = await Promise.all([adapter.useVerificationToken!(token), adapter.useVerificationToken!(token)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await adapter.useVerificationToken!(token)).toBeNull();
  });
});
