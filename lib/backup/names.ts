// Backup files are named by when they were taken, so a directory of them sorts in time.
export function backupFileName(extension: string, now = new Date()): string {
  return `bastion-${now.toISOString().replace(/[:.]/g, "-")}.${extension}`;
}

export const MASTER_KEY_WARNING =
  "The master keys (BASTION_MASTER_KEYS, or the Vault Transit key) and AUTH_SECRET are NOT in this backup. Keep them separately and safely: without the master keys no secret in the backup can be decrypted.";
