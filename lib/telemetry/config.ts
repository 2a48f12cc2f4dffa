// Whether product telemetry is on for this instance: only with a PostHog key, and not
// when BASTION_TELEMETRY=0. Unconfigured, nothing is created, loaded or sent.
import { env } from "../env";

export type TelemetryConfig = { key: string; host: string };

export function telemetryConfig(): TelemetryConfig | null {
  const { POSTHOG_KEY, POSTHOG_HOST, BASTION_TELEMETRY } = env();
  if (!POSTHOG_KEY || !BASTION_TELEMETRY) return null;
  return { key: POSTHOG_KEY, host: POSTHOG_HOST.replace(/\/+$/, "") };
}

/**
 * Origins the browser may reach for analytics (the CSP's connect-src): the configured
 * host and, for PostHog Cloud, its assets host (us.i.posthog.com → us-assets.i.posthog.com).
 */
export function telemetryOrigins(): string[] {
  const config = telemetryConfig();
  if (!config) return [];
  const origin = new URL(config.host).origin;
  const assets = origin.replace(/^https:\/\/(\w+)\.i\.posthog\.com$/, "https://$1-assets.i.posthog.com");
  return assets === origin ? [origin] : [origin, assets];
}
