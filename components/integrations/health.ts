// One word for a connection's health, from what the API reports. Tokens Bastion renews
// itself (GitHub App installation tokens, OAuth with refresh) never warn about expiry.
import type { ConnectionItem } from "@/lib/integrations/queries";
import type { Tone } from "@/components/ui/status-badge";

const SOON_MS = 7 * 24 * 60 * 60 * 1000;
const SELF_RENEWING = new Set(["app", "oauth"]);

export function connectionHealth(connection: ConnectionItem, now = Date.now()): { tone: Tone; label: string } {
  if (connection.status === "disabled") return { tone: "neutral", label: "Disabled" };
  const expiresAt = connection.tokenExpiresAt ? Date.parse(connection.tokenExpiresAt) : null;
  const renews = SELF_RENEWING.has(connection.method);
  if (expiresAt !== null && !renews && expiresAt <= now) return { tone: "bad", label: "Token expired" };
  const checkedAt = connection.lastCheckedAt ? Date.parse(connection.lastCheckedAt) : 0;
  if (connection.lastError && connection.lastErrorAt && Date.parse(connection.lastErrorAt) >= checkedAt) return { tone: "bad", label: "Failing" };
  if (expiresAt !== null && !renews && expiresAt - now < SOON_MS) return { tone: "warn", label: "Token expires soon" };
  return { tone: "good", label: "Healthy" };
}
