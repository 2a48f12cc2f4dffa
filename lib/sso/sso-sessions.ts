// Sessions made by an org's SSO connection carry its id (Session.ssoConnectionId), so
// disabling or deleting the connection ends them: the pipeline looks the session up on
// every request, so the member is signed out on their next one.
import type { Db, Tx } from "../db";

export async function endSessionsOfConnection(db: Db | Tx, connectionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { ssoConnectionId: connectionId } });
  return count;
}
