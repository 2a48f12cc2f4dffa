// Direct access to the browser tests' database (E2E_DATABASE_URL, set by `npm test`) for
// fixtures the UI cannot make yet: users with a session, orgs, memberships and verified
// domains. Rows are written as the app writes them (ids are opaque strings).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("this spec needs the e2e database; run it through `npm test -- e2e/<spec>` (E2E_DATABASE_URL)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A user with a live session; returns the session cookie's value. */
export function createSignedInUser(email: string, name = "E2E User"): Promise<{ userId: string; sessionToken: string }> {
  return withDb(async (db) => {
    const userId = randomUUID();
    const sessionToken = randomBytes(32).toString("base64url");
    await db.query(`INSERT INTO "User" (id, email, name, "emailVerified", "updatedAt") VALUES ($1, $2, $3, now(), now())`, [userId, email.toLowerCase(), name]);
    await db.query(`INSERT INTO "Session" (id, "tokenHash", "userId", expires, method) VALUES ($1, $2, $3, now() + interval '1 day', 'password')`, [
      randomUUID(),
      createHash("sha256").update(sessionToken).digest("hex"),
      userId,
    ]);
    return { userId, sessionToken };
  });
}

/** An org (created if missing) with `userId` as a member in `role` and a verified email domain. */
export function createOrgWithVerifiedDomain(input: { slug: string; domain: string; userId: string; role: "owner" | "admin" | "member" }): Promise<string> {
  return withDb(async (db) => {
    const org = await db.query<{ id: string }>(
      `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, $2, $2, now()) ON CONFLICT (slug) DO UPDATE SET "updatedAt" = now() RETURNING id`,
      [randomUUID(), input.slug],
    );
    const orgId = org.rows[0]!.id;
    await db.query(`INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [randomUUID(), orgId, input.userId, input.role]);
    await db.query(
      `INSERT INTO "OrgDomain" (id, "orgId", domain, "verificationToken", "verifiedAt") VALUES ($1, $2, $3, $4, now()) ON CONFLICT ("orgId", domain) DO NOTHING`,
      [randomUUID(), orgId, input.domain, randomBytes(8).toString("hex")],
    );
    return orgId;
  });
}
