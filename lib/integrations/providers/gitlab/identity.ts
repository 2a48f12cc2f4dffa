// Who a GitLab token belongs to: GET /user, and for access tokens their own expiry
// (GET /personal_access_tokens/self). Project and group access tokens act through a
// bot user (`bot: true`), whose id is what the loop guard must ignore.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import type { ConnectionRef } from "../../types";
import { gitlabApi } from "./api";

type Identity = { name: string; externalId: string; tokenExpiresAt: Date | null; config: Record<string, unknown> };

export async function whoAmI(connection: Pick<ConnectionRef, "baseUrl">, auth: { token: string } | { oauthToken: string }): Promise<Identity> {
  const api = gitlabApi(connection, auth);
  const user = (await api.Users.showCurrentUser()) as unknown as { id: number; username: string; name?: string; bot?: boolean };
  const tokenExpiresAt = "token" in auth ? await accessTokenExpiry(api) : null;
  const config: Record<string, unknown> = { accountId: String(user.id), accountLogin: user.username };
  if (user.bot) config.botUserId = String(user.id);
  return { name: user.name || user.username, externalId: String(user.id), tokenExpiresAt, config };
}

/** Best effort: older instances lack the endpoint, and a token without expiry has none. */
async function accessTokenExpiry(api: ReturnType<typeof gitlabApi>): Promise<Date | null> {
  try {
    const token = (await api.PersonalAccessTokens.show()) as unknown as { expires_at?: string | null };
    return token.expires_at ? new Date(`${token.expires_at}T00:00:00Z`) : null;
  } catch {
    return null;
  }
}
