// API keys for tests, made through Prisma with the real key format and hash.
import { generateApiKey } from "../api-keys/key-format";
import { getDb } from "../db";

export async function createTestApiKey(
  orgId: string,
  createdById: string,
  scopes: string[],
  options: { expiresAt?: Date | null; revokedAt?: Date | null; name?: string } = {},
) {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await getDb().apiKey.create({
    data: { orgId, createdById, name: options.name ?? "test key", prefix, keyHash, scopes, expiresAt: options.expiresAt ?? null, revokedAt: options.revokedAt ?? null },
  });
  return { key, row, authorization: `Bearer ${key}` };
}
