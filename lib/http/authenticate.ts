// Step 1 of the pipeline: who is calling. Browser sessions (set by password sign-in,
// magic links and SSO alike) are recognised by their cookie, API keys by
// `Authorization: Bearer bst_…` (lib/api-keys). An unrecognised credential answers 401.
import { apiKeyAuthenticator } from "../api-keys/authenticate";
import { findActiveSession } from "../auth/sessions";
import { readSessionCookie } from "../auth/session-cookie";
import { clientIp } from "../auth/request-meta";
import { Forbidden, Unauthorized } from "../errors";

export type AuthMode = "none" | "session" | "apiKey" | "both";

export type Actor =
  | { kind: "user"; userId: string; sessionId: string }
  | {
      kind: "apiKey";
      apiKeyId: string;
      orgId: string;
      userId: string | null;
      scopes: string[];
      /** The key's live org and its creator's role, read with the key (one query for both steps). */
      org?: { slug: string; creatorRole: string | null } | null;
    };

export type Authenticator = (request: Request) => Promise<Actor | null>;

export const sessionAuthenticator: Authenticator = async (request) => {
  const token = readSessionCookie(request);
  if (!token) return null;
  const session = await findActiveSession(token, { ip: clientIp(request) });
  return session ? { kind: "user", userId: session.userId, sessionId: session.sessionId } : null;
};

const authenticators: Partial<Record<"session" | "apiKey", Authenticator>> = { session: sessionAuthenticator, apiKey: apiKeyAuthenticator };

/** Lets an identity module register how it recognises its credential. */
export function registerAuthenticator(kind: "session" | "apiKey", authenticator: Authenticator): void {
  authenticators[kind] = authenticator;
}

export async function authenticate(request: Request, mode: AuthMode): Promise<Actor | null> {
  if (mode === "none") return null;
  const kinds: ("session" | "apiKey")[] = mode === "both" ? ["apiKey", "session"] : [mode];
  for (const kind of kinds) {
    const actor = await authenticators[kind]?.(request);
    if (actor) return actor;
  }
  // A valid API key on a session-only route is a known caller in the wrong place: 403
  // saying so, not a 401 suggesting the key is bad. A bad key still answers 401.
  if (mode === "session" && (await authenticators.apiKey?.(request))) throw new Forbidden("This route does not accept API keys");
  throw new Unauthorized();
}
