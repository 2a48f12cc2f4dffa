// Seeding for the benchmarks: an org "bench" whose owner has a live session and an API
// key with every read scope, plus `members` more members, written with set-based SQL so
// 10,000 rows take a moment.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";

export type BenchOrg = { slug: string; orgId: string; sessionToken: string; apiKey: string };

export async function seedBenchOrg(url: string, members: number): Promise<BenchOrg> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sessionToken = randomBytes(32).toString("base64url");
  // The key's shape is checked before lookup (lib/api-keys/key-format.ts): bst_test_ + 32 base62.
  const apiKey = `bst_test_${randomBytes(24).toString("base64url").replace(/[-_]/g, "x").slice(0, 32)}`;
  try {
    await client.query(`INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt") VALUES ('owner', 'owner@bench.test', 'Owner', now(), now())`);
    await client.query(`INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ('org', 'Bench Co', 'bench', now())`);
    await client.query(`INSERT INTO "Membership" (id, "orgId", "userId", role, "createdAt", "updatedAt") VALUES ('m0', 'org', 'owner', 'owner', now() - interval '1 year', now())`);
    await client.query(`INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt")
      SELECT 'u' || g, 'member' || g || '@bench.test', 'Member ' || g, now(), now() FROM generate_series(1, ${members}) g`);
    await client.query(`INSERT INTO "Membership" (id, "orgId", "userId", role, "createdAt", "updatedAt")
      SELECT 'm' || g, 'org', 'u' || g, 'member', now() - (g || ' seconds')::interval, now() FROM generate_series(1, ${members}) g`);
    await client.query(`INSERT INTO "Session" (id, "tokenHash", "userId", expires) VALUES ('s', $1, 'owner', now() + interval '1 day')`, [
      createHash("sha256").update(sessionToken).digest("hex"),
    ]);
    await client.query(
      `INSERT INTO "ApiKey" (id, "orgId", "createdById", name, prefix, "keyHash", scopes) VALUES ('k', 'org', 'owner', 'bench', $1, $2, $3)`,
      [apiKey.slice(0, 16), createHash("sha256").update(apiKey).digest("hex"), ["members:read", "secrets:read", "secrets:reveal"]],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  return { slug: "bench", orgId: "org", sessionToken, apiKey };
}

/** A trusted issuer for the bench org (BENCH_API_CALLER=jwt): RS256 tokens acting with the member role. */
export async function seedBenchIssuer(url: string, issuer: { issuer: string; audience: string; jwksUrl: string }): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "TrustedIssuer" (id, "orgId", issuer, audience, algorithms, "jwksUrl", role, scopes, "createdById", "updatedAt")
       VALUES ('ti', 'org', $1, $2, $3, $4, 'member', $5, 'owner', now())`,
      [issuer.issuer, issuer.audience, ["RS256"], issuer.jwksUrl, []],
    );
  } finally {
    await client.end();
  }
}
