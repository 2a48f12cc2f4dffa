// What the root layout hands the browser: null (load nothing) unless telemetry is
// configured and the signed-in user, if any, has not opted out.
import "server-only";
import { getCurrentUser } from "../auth/current-user";
import { getDb } from "../db";
import { telemetryConfig } from "./config";

export type BrowserTelemetry = { key: string; host: string; distinctId: string | null };

export async function browserTelemetry(): Promise<BrowserTelemetry | null> {
  const config = telemetryConfig();
  if (!config) return null;
  const user = await getCurrentUser();
  if (user) {
    const row = await getDb().user.findUnique({ where: { id: user.userId }, select: { telemetryOptOut: true } });
    if (!row || row.telemetryOptOut) return null;
  }
  return { key: config.key, host: config.host, distinctId: user?.userId ?? null };
}
