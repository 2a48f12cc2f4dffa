// The only ways a value leaves Bastion: reveal one secret, fetch an environment's values
// as JSON (deployment pipelines), export them as a .env file. Each is audited with ids
// and versions, never values.
import "server-only";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { logger } from "../logger";
import { NotFound } from "../errors";
import { visibleTo } from "./present";
import { getSecretOrThrow } from "./secrets";
import { readValue, readValuesOrNull } from "./values";

export async function revealSecret(ctx: OrgContext, secretId: string, version?: number) {
  const secret = await getSecretOrThrow(getDb(), ctx, secretId);
  const wanted = version ?? secret.currentVersion;
  const row = await getDb().secretVersion.findFirst({ where: { secretId: secret.id, orgId: ctx.org.id, version: wanted } });
  if (!row) throw new NotFound("Version");
  const value = await readValue(ctx.org.id, row, secret.key);
  await recordAudit(getDb(), { ...auditFields(ctx), action: "secret.revealed", targetType: "secret", targetId: secret.id, metadata: { key: secret.key, version: wanted } });
  return { id: secret.id, key: secret.key, version: wanted, value };
}

/** A secret whose current version does not decrypt: left out of values and exports, and named. */
export type SkippedSecret = { id: string; key: string; version: number };

/**
 * The current values of the visible, live secrets (of one environment when given), as
 * KEY -> value. A personal secret overrides a shared one of the same key. A secret whose
 * value does not decrypt is skipped, not fatal: one bad row must not block a whole
 * org's deploys. Its key is then absent altogether (never a shared value standing in
 * for a personal one) and listed in `skipped`.
 */
async function currentValues(ctx: OrgContext, environment?: string) {
  const secrets = await getDb().secret.findMany({
    where: { ...visibleTo(ctx), deletedAt: null, ...(environment ? { environment } : {}) },
    orderBy: [{ key: "asc" }],
  });
  if (secrets.length === 0) return { result: {} as Record<string, string>, served: secrets, skipped: [] as SkippedSecret[] };
  const versions = await getDb().secretVersion.findMany({
    where: { orgId: ctx.org.id, OR: secrets.map((secret) => ({ secretId: secret.id, version: secret.currentVersion })) },
  });
  const values = await readValuesOrNull(ctx.org.id, versions);
  const byId = new Map(versions.map((row, index) => [row.secretId, values[index] ?? null]));
  const skipped = secrets.filter((secret) => (byId.get(secret.id) ?? null) === null).map((secret) => ({ id: secret.id, key: secret.key, version: secret.currentVersion }));
  const skippedKeys = new Set(skipped.map((secret) => secret.key));
  const served = secrets.filter((secret) => !skippedKeys.has(secret.key));
  const result: Record<string, string> = {};
  for (const secret of [...served].sort((a, b) => Number(a.ownerUserId !== null) - Number(b.ownerUserId !== null))) {
    result[secret.key] = byId.get(secret.id)!;
  }
  if (skipped.length > 0) logger.warn({ orgId: ctx.org.id, skipped: skipped.map(({ id, version }) => ({ id, version })) }, "secret values that do not decrypt were skipped");
  return { result, served, skipped };
}

const auditedIds = (secrets: { id: string; currentVersion: number }[]) => secrets.map((secret) => ({ id: secret.id, version: secret.currentVersion }));

export async function fetchValues(ctx: OrgContext, environment?: string): Promise<{ values: Record<string, string>; skipped: SkippedSecret[] }> {
  const { result, served, skipped } = await currentValues(ctx, environment);
  await recordAudit(getDb(), {
    ...auditFields(ctx),
    action: "secret.values_fetched",
    targetType: "secret",
    metadata: { environment: environment ?? null, secrets: auditedIds(served), ...(skipped.length > 0 ? { skipped: skipped.map(({ id, version }) => ({ id, version })) } : {}) },
  });
  return { values: result, skipped };
}

/**
 * A .env file: KEY="value" lines, quoted and escaped so any value survives a dotenv
 * parser. Skipped secrets are named in a leading comment (and by the route, in a header).
 */
export async function exportDotenv(ctx: OrgContext, environment?: string): Promise<{ content: string; skipped: SkippedSecret[] }> {
  const { result, served, skipped } = await currentValues(ctx, environment);
  await recordAudit(getDb(), {
    ...auditFields(ctx),
    action: "secret.exported",
    targetType: "secret",
    metadata: { environment: environment ?? null, count: served.length, secrets: auditedIds(served), ...(skipped.length > 0 ? { skipped: skipped.map(({ id, version }) => ({ id, version })) } : {}) },
  });
  const note = skipped.length > 0 ? `# skipped, stored value does not decrypt: ${[...new Set(skipped.map((secret) => secret.key))].join(" ")}\n` : "";
  const lines = Object.entries(result).map(([key, value]) => `${key}=${dotenvQuote(value)}\n`);
  return { content: note + lines.join(""), skipped };
}

/** The X-Bastion-Skipped header value: the keys left out, comma-separated (keys are [A-Z0-9_]). */
export function skippedHeader(skipped: SkippedSecret[]): Record<string, string> {
  return skipped.length > 0 ? { "x-bastion-skipped": [...new Set(skipped.map((secret) => secret.key))].join(",") } : {};
}

export function dotenvQuote(value: string): string {
  // dotenv keeps single- and back-quoted values literally (newlines included); only a
  // value holding both quote kinds falls back to double quotes, where \n means newline.
  if (/^[\w.,:/@%+=-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes("`")) return `\`${value}\``;
  return `"${value.replace(/\r?\n/g, "\\n")}"`;
}
