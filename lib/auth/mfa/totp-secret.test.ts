// TOTP secrets at rest: sealed under a KMS-wrapped key, bound to their user, and the
// start-up move of plain secrets saved before encryption.
import { expect, it } from "vitest";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { createUser, uniqueSuffix } from "../../testing/fixtures";
import { matchTotp, newTotpSecret, totpCodeAt } from "./totp";
import { encryptLegacyTotpSecrets, openTotpSecret, readTotpSecret, sealTotpSecret } from "./totp-secret";

describeWith(["postgres"], "TOTP secrets at rest", () => {
  it("round-trips, keeps the secret out of the stored text, and does not open for another user", async () => {
    const secret = newTotpSecret();
    const sealed = await sealTotpSecret("user-a", secret);
    expect(sealed).not.toContain(secret);
    expect(await openTotpSecret("user-a", sealed)).toBe(secret);
    await expect(openTotpSecret("user-b", sealed)).rejects.toThrow();
    // Each seal has its own data key and nonce.
    expect(await sealTotpSecret("user-a", secret)).not.toBe(sealed);
  });

  it("moves plain secrets into the encrypted column at start, idempotently, and codes still match", async () => {
    const secret = newTotpSecret();
    const user = await createUser({ email: `totp-legacy-${uniqueSuffix()}@example.test` });
    await getDb().user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    expect((await encryptLegacyTotpSecrets()).moved).toBeGreaterThanOrEqual(1);
    const moved = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.totpSecret).toBeNull();
    expect(moved.totpSecretEncrypted).not.toContain(secret);
    const read = await readTotpSecret(moved);
    expect(read).toBe(secret);
    const now = new Date();
    expect(matchTotp(read!, totpCodeAt(secret, now), now, null)).not.toBeNull();
    const again = await encryptLegacyTotpSecrets();
    expect(again.moved).toBe(0);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).totpSecretEncrypted).toBe(moved.totpSecretEncrypted);
  });
});
