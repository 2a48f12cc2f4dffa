// An org's API usage per day (requests made with its API keys), from PostgreSQL. Counts
// reach PostgreSQL within a minute (lib/usage/flush.ts), so today's bar lags that much.
import "server-only";
import { getDb } from "../db";

const DAY_MS = 24 * 60 * 60 * 1000;

export type UsageDay = { day: string; count: number };

export async function usageByDay(orgId: string, days: number, now = new Date()): Promise<{ days: UsageDay[]; total: number }> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const first = new Date(today - (days - 1) * DAY_MS);
  const rows = await getDb().apiUsage.findMany({ where: { orgId, day: { gte: first } }, select: { day: true, count: true } });
  const byDay = new Map(rows.map((row) => [row.day.toISOString().slice(0, 10), row.count]));
  const series = Array.from({ length: days }, (_, index) => {
    const day = new Date(first.getTime() + index * DAY_MS).toISOString().slice(0, 10);
    return { day, count: byDay.get(day) ?? 0 };
  });
  return { days: series, total: series.reduce((sum, item) => sum + item.count, 0) };
}
