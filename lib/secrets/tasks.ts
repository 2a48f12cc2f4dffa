// Background tasks of the secrets domain.
import { defineTask } from "../jobs/tasks";
import { reencryptOrgValues } from "./rotation";

const RECOVERY_DAYS = 30;

/** Deleted secrets stay recoverable for 30 days; then they and their versions go for good. */
export const purgeDeletedSecrets = defineTask({
  name: "secrets.purge",
  every: "day",
  async run(_payload, { db }) {
    await db.secret.deleteMany({ where: { deletedAt: { lt: new Date(Date.now() - RECOVERY_DAYS * 24 * 60 * 60 * 1000) } } });
  },
});

/** After an org rotated its data key: move every value under the new key. */
export const reencryptOrgSecrets = defineTask<{ orgId: string }>({
  name: "secrets.reencrypt",
  lockMs: 5 * 60 * 1000,
  async run({ orgId }, { db }) {
    await reencryptOrgValues(db, orgId);
  },
});
