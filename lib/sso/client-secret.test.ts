// The data migration of OIDC client secrets from the AUTH_SECRET-derived key into the
// org's system secrets (envelope encryption under the KMS).
import { expect, it } from "vitest";
import { encryptSsoSecret } from "../auth/sso-secret";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { createOrg } from "../testing/org-fixtures";
import { rowsText } from "../testing/rows-text";
import { moveLegacySsoClientSecrets, readSsoClientSecret, ssoSecretScope } from "./client-secret";

describeWith(["postgres", "redis"], "moving legacy SSO client secrets into system secrets", () => {
  it("re-encrypts each legacy row under the org's data key, clears the column, and is idempotent", async () => {
    const org = await createOrg();
    const secret = `legacy-secret-${uniqueSuffix()}`;
    const row = await getDb().ssoConnection.create({ data: { orgId: org.id, issuer: "https://idp.example.test", clientId: "bastion", clientSecretEncrypted: encryptSsoSecret(org.id, secret) } });
    // Before the move the legacy value is still readable, so SSO keeps working meanwhile.
    expect(await readSsoClientSecret(row)).toBe(secret);

    const broken = await createOrg();
    const stale = await getDb().ssoConnection.create({ data: { orgId: broken.id, issuer: "https://idp.example.test", clientId: "x", clientSecretEncrypted: encryptSsoSecret(org.id, "for another org") } });

    const first = await moveLegacySsoClientSecrets();
    expect(first.moved).toBeGreaterThanOrEqual(1);
    expect(first.undecryptable).toBeGreaterThanOrEqual(1);
    const moved = await getDb().ssoConnection.findUniqueOrThrow({ where: { id: row.id } });
    expect(moved.clientSecretEncrypted).toBeNull();
    expect(await readSsoClientSecret(moved)).toBe(secret);
    const secrets = await getDb().secret.findMany({ where: { orgId: org.id, scope: ssoSecretScope(row.id) } });
    expect(secrets.map((s) => s.key)).toEqual(["clientSecret"]);
    const versions = await getDb().secretVersion.findMany({ where: { orgId: org.id } });
    expect(versions.length).toBe(1);
    expect(rowsText(versions)).not.toContain(secret);

    // The undecryptable row is left for its admin, and a second run changes nothing.
    expect((await getDb().ssoConnection.findUniqueOrThrow({ where: { id: stale.id } })).clientSecretEncrypted).not.toBeNull();
    await moveLegacySsoClientSecrets();
    expect(await getDb().secretVersion.count({ where: { orgId: org.id } })).toBe(1);
    expect(await readSsoClientSecret(await getDb().ssoConnection.findUniqueOrThrow({ where: { id: row.id } }))).toBe(secret);
    await getDb().ssoConnection.delete({ where: { id: stale.id } });
  });
});
