// GET /api/health: the process is alive (no dependency is checked).
import { appVersion, mode } from "@/lib/env";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none" }, async () => ({
  status: "ok",
  mode: mode(),
  version: appVersion,
  uptimeSeconds: Math.round(process.uptime()),
}));
