// The usage report: per UTC day of a period, API requests, seats, secrets, integration
// connections, webhook deliveries and secret storage (bytes of stored ciphertext), as JSON
// or CSV. Seats, secrets, connections and storage are each day's end state reconstructed
// from creation and deletion times of the rows that still exist: members removed and
// connections or secrets purged since are not in the history (Bastion keeps no snapshots).
import "server-only";
import { getDb } from "../db";
import { Invalid } from "../errors";

export type UsageReportDay = { day: string; apiRequests: number; seats: number; secrets: number; connections: number; webhookDeliveries: number; storageBytes: number };

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_REPORT_DAYS = 366;

export async function usageReport(orgId: string, from: string, to: string): Promise<{ from: string; to: string; days: UsageReportDay[] }> {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (end < start) throw new Invalid("`to` is before `from`");
  if ((end.getTime() - start.getTime()) / DAY_MS + 1 > MAX_REPORT_DAYS) throw new Invalid(`A report covers at most ${MAX_REPORT_DAYS} days`);
  const rows = await getDb().$queryRaw<{ day: Date; api: bigint; seats: bigint; secrets: bigint; connections: bigint; deliveries: bigint; storage: bigint }[]>`
    WITH days AS (SELECT d::date AS day, d + interval '1 day' AS day_end FROM generate_series(${start}::timestamp, ${end}::timestamp, interval '1 day') AS d)
    SELECT days.day,
      COALESCE((SELECT count FROM "ApiUsage" u WHERE u."orgId" = ${orgId} AND u.day = days.day), 0)::bigint AS api,
      (SELECT count(*) FROM "Membership" m WHERE m."orgId" = ${orgId} AND m."createdAt" < days.day_end) AS seats,
      (SELECT count(*) FROM "Secret" s WHERE s."orgId" = ${orgId} AND s."createdAt" < days.day_end AND (s."deletedAt" IS NULL OR s."deletedAt" >= days.day_end)) AS secrets,
      (SELECT count(*) FROM "IntegrationConnection" c WHERE c."orgId" = ${orgId} AND c."createdAt" < days.day_end) AS connections,
      (SELECT count(*) FROM "WebhookDelivery" w WHERE w."orgId" = ${orgId} AND w."receivedAt" >= days.day AND w."receivedAt" < days.day_end) AS deliveries,
      COALESCE((SELECT sum(octet_length(v.ciphertext)) FROM "SecretVersion" v WHERE v."orgId" = ${orgId} AND v."createdAt" < days.day_end), 0)::bigint AS storage
    FROM days ORDER BY days.day`;
  return {
    from,
    to,
    days: rows.map((row) => ({
      day: row.day.toISOString().slice(0, 10),
      apiRequests: Number(row.api), seats: Number(row.seats), secrets: Number(row.secrets), connections: Number(row.connections),
      webhookDeliveries: Number(row.deliveries), storageBytes: Number(row.storage),
    })),
  };
}

const COLUMNS = ["day", "apiRequests", "seats", "secrets", "connections", "webhookDeliveries", "storageBytes"] as const;

export function usageReportCsv(days: UsageReportDay[]): string {
  return [COLUMNS.join(","), ...days.map((day) => COLUMNS.map((column) => String(day[column])).join(","))].join("\n") + "\n";
}
