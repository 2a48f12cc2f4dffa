// Server-side product events through posthog-node: one track() for every domain
// function. Telemetry never fails or slows the operation it describes: calls are fire
// and forget, errors are swallowed, and nothing at all happens when unconfigured.
import "server-only";
import { PostHog } from "posthog-node";
import { getDb } from "../db";
import { logger } from "../logger";
import { clearProcessSingleton, processSingleton } from "../runtime";
import { telemetryConfig } from "./config";
import { idsOnly, type OrgTrackIds, type ProductEvent, type TrackIds } from "./events";

const CLIENT = "posthog-node";
// Per process, like the client, so a flush waits for events tracked by any module copy.
const pending = processSingleton("telemetry-pending", () => new Set<Promise<void>>());

function client(): PostHog | null {
  const config = telemetryConfig();
  if (!config) return null;
  return processSingleton(CLIENT, () => new PostHog(config.key, { host: config.host, flushAt: 20, flushInterval: 10_000, disableGeoip: true }));
}

/** Records a product event about `ids.userId` unless telemetry is off or the user opted out. */
export function track(event: ProductEvent, ids: TrackIds): void {
  if (!telemetryConfig()) return;
  const task = send(event, ids).catch((error: unknown) => logger.debug({ err: (error as Error)?.message, event }, "telemetry event dropped"));
  pending.add(task);
  void task.finally(() => pending.delete(task));
}

/**
 * Records an event about an org with no person behind it (billing: plan changes from Stripe,
 * failed payments, seat changes, quota refusals). The org is the distinct id and the group;
 * nothing is sent unconfigured.
 */
export function trackOrg(event: ProductEvent, ids: OrgTrackIds): void {
  if (!telemetryConfig()) return;
  const properties = idsOnly(ids);
  if (!properties.orgId) return;
  try {
    client()?.capture({ distinctId: properties.orgId, event, properties, groups: { organization: properties.orgId } });
  } catch (error) {
    logger.debug({ err: (error as Error)?.message, event }, "telemetry event dropped");
  }
}

async function send(event: ProductEvent, ids: TrackIds): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: ids.userId }, select: { telemetryOptOut: true } });
  if (!user || user.telemetryOptOut) return;
  const properties = idsOnly(ids);
  client()?.capture({
    distinctId: ids.userId,
    event,
    properties,
    ...(properties.orgId ? { groups: { organization: properties.orgId } } : {}),
  });
}

/** Waits for queued events and sends them (shutdown, tests). */
export async function flushTelemetry(): Promise<void> {
  await Promise.all([...pending]);
  const existing = (globalThis as Record<symbol, PostHog | undefined>)[Symbol.for(`bastion.singleton.${CLIENT}`)];
  await existing?.flush();
}

export function hasTelemetryClient(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for(`bastion.singleton.${CLIENT}`)] !== undefined;
}

export async function shutdownTelemetry(): Promise<void> {
  await flushTelemetry();
  const existing = (globalThis as Record<symbol, PostHog | undefined>)[Symbol.for(`bastion.singleton.${CLIENT}`)];
  clearProcessSingleton(CLIENT);
  await existing?.shutdown();
}
