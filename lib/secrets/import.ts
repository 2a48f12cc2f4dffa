// Importing a .env file: parsed by the dotenv package's own parser, previewed (keys and
// conflicts, never values), then committed in one transaction with its audit events.
import "server-only";
import { parse } from "dotenv";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { currentDataKey } from "./data-keys";
import { scopeOf } from "./present";
import { MAX_VALUE_BYTES, SECRET_KEY_PATTERN, type importSchema } from "./schemas";
import { createSecret, updateSecret } from "./secrets";
import { assertSecretQuota, assertSecretsEditable } from "./quota";

type ImportInput = z.output<typeof importSchema>;
export type ImportItem = { key: string; status: "new" | "conflict" | "deleted_conflict" | "invalid"; reason?: string; secretId?: string };

function parseEntries(content: string): { key: string; value: string; problem?: string }[] {
  return Object.entries(parse(content)).map(([key, value]) => {
    if (!SECRET_KEY_PATTERN.test(key)) return { key, value, problem: "key must be upper-case letters, digits and underscores, starting with a letter" };
    if (Buffer.byteLength(value, "utf8") > MAX_VALUE_BYTES) return { key, value, problem: `value exceeds ${MAX_VALUE_BYTES} bytes` };
    return { key, value };
  });
}

async function classify(ctx: OrgContext, content: string) {
  const entries = parseEntries(content);
  const existing = await getDb().secret.findMany({ where: { orgId: ctx.org.id, scope: scopeOf(null), key: { in: entries.map((entry) => entry.key) } } });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  return entries.map((entry) => {
    const row = byKey.get(entry.key);
    const item: ImportItem = entry.problem
      ? { key: entry.key, status: "invalid", reason: entry.problem }
      : !row
        ? { key: entry.key, status: "new" }
        : row.deletedAt
          ? { key: entry.key, status: "deleted_conflict", reason: "a deleted secret has this key; undelete it first", secretId: row.id }
          : { key: entry.key, status: "conflict", secretId: row.id };
    return { item, value: entry.value };
  });
}

/** What an import would do: shared secrets only, keys and statuses, no values. */
export async function previewImport(ctx: OrgContext, input: ImportInput) {
  const items = (await classify(ctx, input.content)).map(({ item }) => item);
  return { items, counts: countBy(items) };
}

export async function commitImport(ctx: OrgContext, input: ImportInput) {
  const classified = await classify(ctx, input.content);
  const dataKey = await currentDataKey(ctx.org.id);
  const created: string[] = [];
  const updated: string[] = [];
  const skipped: string[] = [];
  await getDb().$transaction(async (tx) => {
    // Overwriting existing secrets is a change: refused above the quota, like an update.
    if (input.overwrite && classified.some(({ item }) => item.status === "conflict")) await assertSecretsEditable(tx, ctx.org.id);
    await assertSecretQuota(tx, ctx.org.id, classified.filter(({ item }) => item.status === "new").length);
    for (const { item, value } of classified) {
      if (item.status === "new") {
        await createSecret(ctx, { key: item.key, value, description: "", environment: input.environment ?? null, personal: false }, { tx, dataKey });
        created.push(item.key);
      } else if (item.status === "conflict" && input.overwrite) {
        await updateSecret(ctx, item.secretId!, { value, ...(input.environment !== undefined ? { environment: input.environment } : {}) }, { tx, dataKey });
        updated.push(item.key);
      } else skipped.push(item.key);
    }
    await recordAudit(tx, { ...auditFields(ctx), action: "secret.imported", targetType: "secret", metadata: { created, updated, skipped } });
  }, { timeout: 60_000 });
  return { created, updated, skipped };
}

function countBy(items: ImportItem[]) {
  const counts: Record<ImportItem["status"], number> = { new: 0, conflict: 0, deleted_conflict: 0, invalid: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}
