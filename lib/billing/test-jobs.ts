// Jobs a billing test queued for one org.
import { getDb } from "../db";

export function jobsOf(task: string, orgId: string) {
  return getDb().job.findMany({ where: { task, payload: { path: ["orgId"], equals: orgId } }, select: { id: true, runAt: true, uniqueKey: true } });
}
