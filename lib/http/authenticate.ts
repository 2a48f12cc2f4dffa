// Step 1 of the pipeline: who is calling. Browser sessions (set by password sign-in,
// magic links and SSO alike) are recognised by their cookie; `Authorization: Bearer`
// carries an API key (`bst_…`, lib/api-keys) or, told apart by its shape, a JWT from an
// org's trusted issuer (lib/trusted-issuers). SCIM routes take only their directory's
// token (`bscim_…`, lib/scim), which no other route accepts. An unrecognised credential answers 401.
import { apiKeyAuthenticator } from "../api-keys/authenticate";
import { bearerToken } from "../api-keys/key-format";
import { findActiveSession } from "../auth/sessions";
import { readSessionCookie } from "../auth/session-cookie";
import { clientIp } from "../auth/request-meta";
import { Forbidden, Unauthorized } from "../errors";
import { scimAuthenticator } from "../scim/authenticate";
import { externalTokenAuthenticator, looksLikeJwt } from "../trusted-issuers/authenticate";

export type AuthMode = "none" | "session" | "apiKey" | "both" | "scim";

/** The org a machine credential belongs to and its creator's current role, read with the credential. */
type CredentialOrg = { slug: string; creatorRole: string | null } | null;

export type Actor =
  | { kind: "user"; userId: string; sessionId: string }
  | {
      kind: "apiKey";
      apiKeyId: string;
      orgId: string;
      userId: string | null;
      scopes: string[];
      /** The key's live org and its creator's role, read with the key (one query for both steps). */
      org?: CredentialOrg;
    }
  | {
      /** A JWT of an org's trusted issuer: acts like an API key of the admin who registered the issuer. */
      kind: "externalToken";
      issuerId: string;
      /** The token's `sub`, for the audit log and the per-caller rate limit. */
      subject: string;
      orgId: string;
      userId: string | null;
      scopes: string[];
      org?: CredentialOrg;
    }
  | { kind: "scim"; directoryId: string; orgId: string; orgSlug: string };

export type Authenticator = (request: Request) => Promise<Actor | null>;

type CredentialKind = "session" | "apiKey" | "scim";

export const sessionAuthenticator: Authenticator = async (request) => {
  const token = readSessionCookie(request);
  if (!token) return null;
  const session = await findActiveSession(token, { ip: clientIp(request) });
  return session ? { kind: "user", userId: session.userId, sessionId: session.sessionId } : null;
};

/** API keys and external JWTs share the bearer header; a JWT has three dot-separated parts, a key none. */
const bearerAuthenticator: Authenticator = (request) => {
  const token = bearerToken(request);
  return token !== null && looksLikeJwt(token) ? externalTokenAuthenticator(request, token) : apiKeyAuthenticator(request);
};

const authenticators: Partial<Record<CredentialKind, Authenticator>> = { session: sessionAuthenticator, apiKey: bearerAuthenticator, scim: scimAuthenticator };

/** Lets an identity module register how it recognises its credential. */
export function registerAuthenticator(kind: CredentialKind, authenticator: Authenticator): void {
  authenticators[kind] = authenticator;
}

export async function authenticate(request: Request, mode: AuthMode): Promise<Actor | null> {
  if (mode === "none") return null;
  const kinds: CredentialKind[] = mode === "both" ? ["apiKey", "session"] : [mode];
  for (const kind of kinds) {
    const actor = await authenticators[kind]?.(request);
    if (actor) return actor;
  }
  // A valid API key on a session-only route is a known caller in the wrong place: 403
  // saying so, not a 401 suggesting the key is bad. A bad key still answers 401.
  if (mode === "session" && (await authenticators.apiKey?.(request))) throw new Forbidden("This route does not accept API keys");
  throw new Unauthorized();
}
