// Seats: every member of the org is a billable seat (owners, admins, billing, members).
// No "server-only" marker: the seat-sync job counts them.
import { getDb, type Tx } from "../db";

export async function billableSeats(orgId: string, tx: Tx | ReturnType<typeof getDb> = getDb()): Promise<number> {
  return Math.max(1, await tx.membership.count({ where: { orgId } }));
}
