// The only ways a value leaves Bastion: reveal one secret, fetch an environment's values
// as JSON (deployment pipelines), export them as a .env file. Each is audited with ids
// and versions, never values.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { NotFound } from "../errors";
import { visibleTo } from "./present";
import { getSecretOrThrow } from "./secrets";
import { readValues } from "./values";

export async function revealSecret(ctx: OrgContext, secretId: string, version?: number) {
  const secret = await getSecretOrThrow(getDb(), ctx, secretId);
  const wanted = version ?? secret.currentVersion;
  const row = await getDb().secretVersion.findFirst({ where: { secretId: secret.id, orgId: ctx.org.id, version: wanted } });
  if (!row) throw new NotFound("Version");
  const [value] = await readValues(ctx.org.id, [row]);
  await recordAudit(getDb(), { ...auditFields(ctx), action: "secret.revealed", targetType: "secret", targetId: secret.id, metadata: { key: secret.key, version: wanted } });
  return { id: secret.id, key: secret.key, version: wanted, value: value! };
}

/**
 * The current values of the visible, live secrets (of one environment when given), as
 * KEY -> value. A personal secret overrides a shared one of the same key.
 */
async function currentValues(ctx: OrgContext, environment?: string) {
  const secrets = await getDb().secret.findMany({
    where: { ...visibleTo(ctx), deletedAt: null, ...(environment ? { environment } : {}) },
    orderBy: [{ key: "asc" }],
  });
  if (secrets.length === 0) return { result: {} as Record<string, string>, secrets };
  const versions = await getDb().secretVersion.findMany({
    where: { orgId: ctx.org.id, OR: secrets.map((secret) => ({ secretId: secret.id, version: secret.currentVersion })) },
  });
  const values = await readValues(ctx.org.id, versions);
  const byId = new Map(versions.map((row, index) => [row.secretId, values[index]!]));
  const result: Record<string, string> = {};
  for (const secret of [...secrets].sort((a, b) => Number(a.ownerUserId !== null) - Number(b.ownerUserId !== null))) {
    result[secret.key] = byId.get(secret.id)!;
  }
  return { result, secrets };
}

export async function fetchValues(ctx: OrgContext, environment?: string) {
  const { result, secrets } = await currentValues(ctx, environment);
  await recordAudit(getDb(), {
    ...auditFields(ctx),
    action: "secret.values_fetched",
    targetType: "secret",
    metadata: { environment: environment ?? null, secrets: secrets.map((secret) => ({ id: secret.id, version: secret.currentVersion })) },
  });
  return result;
}

/** A .env file: KEY="value" lines, quoted and escaped so any value survives a dotenv parser. */
export async function exportDotenv(ctx: OrgContext, environment?: string): Promise<string> {
  const { result, secrets } = await currentValues(ctx, environment);
  await recordAudit(getDb(), {
    ...auditFields(ctx),
    action: "secret.exported",
    targetType: "secret",
    metadata: { environment: environment ?? null, count: secrets.length, secrets: secrets.map((secret) => ({ id: secret.id, version: secret.currentVersion })) },
  });
  return Object.entries(result)
    .map(([key, value]) => `${key}=${dotenvQuote(value)}\n`)
    .join("");
}

export function dotenvQuote(value: string): string {
  // dotenv keeps single- and back-quoted values literally (newlines included); only a
  // value holding both quote kinds falls back to double quotes, where \n means newline.
  if (/^[\w.,:/@%+=-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes("`")) return `\`${value}\``;
  return `"${value.replace(/\r?\n/g, "\\n")}"`;
}
