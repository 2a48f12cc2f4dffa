// The pipeline's SCIM authenticator, used by SCIM routes only: `Authorization: Bearer
// bscim_…`. Anything else (no header, a session cookie, an API key, a JWT) answers 401,
// so a browser session or an API key can never provision users. The directory's last
// sync time is written at most every few seconds.
import "server-only";
import { bearerToken } from "../api-keys/key-format";
import { hashToken } from "../auth/tokens";
import { getDb, getPool } from "../db";
import { Unauthorized } from "../errors";
import type { Actor } from "../http/authenticate";
import { SCIM_TOKEN_PATTERN } from "./token";

const TOUCH_INTERVAL_MS = 5_000;

export async function scimAuthenticator(request: Request): Promise<Actor> {
  const token = bearerToken(request);
  if (!token || !SCIM_TOKEN_PATTERN.test(token)) throw new Unauthorized("A SCIM token is required");
  const { rows } = await getPool().query<{ id: string; orgId: string; slug: string; lastSyncAt: Date | null }>(
    `SELECT d.id, d."orgId", o.slug, d."lastSyncAt" AT TIME ZONE 'UTC' AS "lastSyncAt"
     FROM "ScimDirectory" d JOIN "Organization" o ON o.id = d."orgId" AND o."deletedAt" IS NULL
     WHERE d."tokenHash" = $1`,
    [hashToken(token)],
  );
  const directory = rows[0];
  if (!directory) throw new Unauthorized("Invalid SCIM token");
  if (!directory.lastSyncAt || Date.now() - directory.lastSyncAt.getTime() >= TOUCH_INTERVAL_MS) {
    await getDb().scimDirectory.update({ where: { id: directory.id }, data: { lastSyncAt: new Date() } }).catch(() => {});
  }
  return { kind: "scim", directoryId: directory.id, orgId: directory.orgId, orgSlug: directory.slug };
}
