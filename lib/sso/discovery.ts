// OpenID Connect discovery for an issuer an org admin enters: the settings are saved only
// when the issuer publishes a usable discovery document that names itself.
import "server-only";
import { Invalid } from "../errors";
import { OutboundAddressRefused } from "../integrations/outbound/address-policy";
import { environmentDispatcher } from "../integrations/outbound/guarded-dispatcher";

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 256 * 1024;
const REQUIRED = ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const;

export function wellKnownUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}

function refuse(reason: string): never {
  throw new Invalid(`OpenID Connect discovery failed: ${reason}`, [{ path: "issuer", message: reason }]);
}

/** The endpoints sign-in needs, as the issuer's discovery document names them. */
export type OidcEndpoints = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string };

/** The issuer exactly as its discovery document spells it; throws Invalid (422) otherwise. */
export async function discoverIssuer(issuer: string): Promise<string> {
  return (await discoverOidcEndpoints(issuer)).issuer;
}

/** The issuer's discovery document, fetched through the outbound guard; throws Invalid otherwise. */
export async function discoverOidcEndpoints(issuer: string): Promise<OidcEndpoints> {
  let response: Response;
  try {
    // Through the outbound guard: an org admin must not make the server probe internal addresses.
    response = await fetch(wellKnownUrl(issuer), { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS), dispatcher: environmentDispatcher() } as RequestInit);
  } catch (error) {
    if ((error as { cause?: unknown }).cause instanceof OutboundAddressRefused) refuse("the issuer points inside the network, which this instance does not call");
    refuse("the issuer could not be reached");
  }
  if (!response.ok) refuse(`the discovery document answered HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES) refuse("the discovery document is too large");
  let metadata: Record<string, unknown>;
  try {
    metadata = JSON.parse(text) as Record<string, unknown>;
  } catch {
    refuse("the discovery document is not JSON");
  }
  if (typeof metadata.issuer !== "string" || !sameIssuer(metadata.issuer, issuer)) refuse("the discovery document names a different issuer");
  const missing = REQUIRED.filter((field) => typeof metadata[field] !== "string" || !URL.canParse(metadata[field] as string));
  if (missing.length > 0) refuse(`the discovery document lacks ${missing.join(", ")}`);
  const { authorization_endpoint, token_endpoint, jwks_uri } = metadata as Record<(typeof REQUIRED)[number], string>;
  return { issuer: metadata.issuer, authorization_endpoint, token_endpoint, jwks_uri };
}
