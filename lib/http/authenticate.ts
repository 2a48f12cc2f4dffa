// Step 1 of the pipeline: who is calling. The identity issue plugs the next-auth
// session and the API-platform issue plugs API keys in here; until a credential kind
// is wired, it is not recognised, so any route that requires one answers 401.
import { Unauthorized } from "../errors";

export type AuthMode = "none" | "session" | "apiKey" | "both";

export type Actor =
  | { kind: "user"; userId: string; sessionId: string }
  | { kind: "apiKey"; apiKeyId: string; orgId: string; userId: string | null; scopes: string[] };

export type Authenticator = (request: Request) => Promise<Actor | null>;

const authenticators: Partial<Record<"session" | "apiKey", Authenticator>> = {};

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
  throw new Unauthorized();
}
