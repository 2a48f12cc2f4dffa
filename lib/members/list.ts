// The members list: searched by name or email, paginated by a keyset cursor on
// (joined at, id) so page N costs the same as page 1, even with 10,000 members.
import "server-only";
import { getDb } from "../db";
import { Invalid } from "../errors";
import type { Prisma } from "../generated/prisma/client";

export type MemberRow = { membershipId: string; userId: string; name: string | null; email: string; role: string; joinedAt: Date };

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

export async function listMembers(orgId: string, options: { query?: string; cursor?: string; limit: number }): Promise<{ items: MemberRow[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const where: Prisma.MembershipWhereInput = {
    orgId,
    ...(options.query
      ? { user: { OR: [{ email: { contains: options.query, mode: "insensitive" } }, { name: { contains: options.query, mode: "insensitive" } }] } }
      : {}),
    ...(after ? { OR: [{ createdAt: { gt: after.joinedAt } }, { createdAt: after.joinedAt, id: { gt: after.id } }] } : {}),
  };
  const rows = await getDb().membership.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: options.limit + 1,
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ membershipId: row.id, userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role, joinedAt: row.createdAt })),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ joinedAt: last.createdAt, id: last.id }) : null,
  };
}
