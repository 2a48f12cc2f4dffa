// The members list: searched by name or email, paginated by a keyset cursor on
// (joined at, id) so page N costs the same as page 1, even with 10,000 members.
import "server-only";
import { secondFactorSql } from "../auth/mfa/factors";
import { getPool } from "../db";
import { Invalid } from "../errors";

export type MemberRow = { membershipId: string; userId: string; name: string | null; email: string; role: string; joinedAt: Date; mfaEnabled: boolean };

type Cursor = { joinedAt: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.joinedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const joinedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(joinedAt.getTime())) throw new Invalid("Invalid cursor", [{ path: "cursor", message: "not a cursor from this list" }]);
  return { joinedAt, id };
}

/** `%`, `_` and `\` match themselves in a search, as with Prisma's `contains`. */
function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Plain SQL on the pool rather than Prisma: this is the API's busiest read (members page,
 * SCIM-like syncs), and Prisma's nested select costs two queries and several times the
 * time of this one join (npm run bench:api).
 */
export async function listMembers(orgId: string, options: { query?: string; cursor?: string; limit: number }): Promise<{ items: MemberRow[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  // Prisma stores UTC in "timestamp without time zone"; AT TIME ZONE 'UTC' keeps that
  // exact whatever the server's or this process's time zone.
  // The MFA column uses the account module's own rule, so every kind of factor it knows counts.
  const { rows } = await getPool().query<MemberRow>(
    `SELECT m.id AS "membershipId", u.id AS "userId", u.name, u.email, m.role, m."createdAt" AT TIME ZONE 'UTC' AS "joinedAt",
       ${secondFactorSql("u")} AS "mfaEnabled"
     FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."orgId" = $1
       AND ($2::text IS NULL OR u.email ILIKE $2 ESCAPE '\\' OR u.name ILIKE $2 ESCAPE '\\')
       AND ($3::timestamptz IS NULL OR (m."createdAt", m.id) > ($3::timestamptz AT TIME ZONE 'UTC', $4::text))
     ORDER BY m."createdAt", m.id
     LIMIT $5`,
    [orgId, options.query ? likePattern(options.query) : null, after?.joinedAt ?? null, after?.id ?? "", options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > options.limit && last ? encodeCursor({ joinedAt: last.joinedAt, id: last.membershipId }) : null,
  };
}
