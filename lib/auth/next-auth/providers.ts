// The sign-in providers: magic link by email, the instance-wide OIDC issuer from the
// environment, and per-organization OIDC issuers (`sso-<slug>`) built on demand from the
// org's SsoConnection, so only the one named in the request is ever loaded.
import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { OAuthConfig } from "next-auth/providers/oauth";
import EmailProvider from "next-auth/providers/email";
import { getDb } from "../../db";
import { env } from "../../env";
import { discoverOidcEndpoints, wellKnownUrl, type OidcEndpoints } from "../../sso/discovery";
import { readSsoClientSecret } from "../../sso/client-secret";
import { sendMagicLink, MAGIC_LINK_LIFETIME_SECONDS } from "./magic-link-mail";
import { guardedTokenRequest } from "./oidc-outbound";

export const INSTANCE_SSO_PROVIDER_ID = "oidc";
const ORG_PROVIDER_PREFIX = "sso-";

export type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string; preferred_username?: string; picture?: string };

/** Which kind of provider an id names, and for per-org SSO, which org. */
export type ProviderKind = { kind: "email" } | { kind: "instance" } | { kind: "org"; orgSlug: string } | { kind: "unknown" };

export function providerKind(providerId: string | undefined): ProviderKind {
  if (providerId === "email") return { kind: "email" };
  if (providerId === INSTANCE_SSO_PROVIDER_ID) return { kind: "instance" };
  if (providerId?.startsWith(ORG_PROVIDER_PREFIX) && providerId.length > ORG_PROVIDER_PREFIX.length) {
    return { kind: "org", orgSlug: providerId.slice(ORG_PROVIDER_PREFIX.length) };
  }
  return { kind: "unknown" };
}

export function orgProviderId(orgSlug: string): string {
  return `${ORG_PROVIDER_PREFIX}${orgSlug}`;
}

const SCOPE = "openid email profile";

type OidcProviderInput = { id: string; name: string; clientId: string; clientSecret: string };

function oidcProvider(input: OidcProviderInput): OAuthConfig<OidcProfile> {
  return {
    id: input.id,
    name: input.name,
    type: "oauth",
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    authorization: { params: { scope: SCOPE } },
    // openid-client verifies the ID token's signature (JWKS from discovery), issuer,
    // audience (our client id), expiry and nonce; state and PKCE are checked by next-auth.
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // Linking to an existing account by email is decided by the sign-in policy
    // (sign-in-policy.ts), which is stricter than next-auth's all-or-nothing switch.
    allowDangerousEmailAccountLinking: true,
    httpOptions: { timeout: 10_000 },
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email?.trim().toLowerCase() ?? null,
        name: profile.name ?? profile.preferred_username ?? null,
        image: profile.picture ?? null,
      };
    },
  };
}

/**
 * The operator's issuer (OIDC_ISSUER) is called directly, outside the outbound guard: the
 * operator who sets it is the one who sets the guard's allowlist, and it is often an IdP on
 * the internal network (Keycloak, Dex) that the guard would otherwise refuse.
 */
export function instanceSsoProvider(): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_DISPLAY_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  const provider = oidcProvider({ id: INSTANCE_SSO_PROVIDER_ID, name: OIDC_DISPLAY_NAME, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET });
  return { ...provider, wellKnown: wellKnownUrl(OIDC_ISSUER) };
}

/** An org's issuer, at the endpoints our guarded discovery found, called through the guard (oidc-outbound.ts). */
function orgOidcProvider(input: OidcProviderInput, endpoints: OidcEndpoints): OAuthConfig<OidcProfile> {
  const provider = oidcProvider(input);
  return {
    ...provider,
    issuer: endpoints.issuer,
    authorization: { url: endpoints.authorization_endpoint, params: { scope: SCOPE } },
    token: { url: endpoints.token_endpoint, request: guardedTokenRequest },
    jwks_endpoint: endpoints.jwks_uri,
  };
}

export type OrgSso = { orgId: string; orgSlug: string; orgName: string; connectionId: string; provider: OAuthConfig<OidcProfile> };

/**
 * The org's SSO provider, or null when the org does not exist or has no SSO connection.
 * Throws Invalid when the issuer's discovery fails (unreachable, or refused by the guard).
 */
export async function orgSsoProvider(orgSlug: string): Promise<OrgSso | null> {
  const org = await getDb().organization.findFirst({
    where: { slug: orgSlug, deletedAt: null },
    select: { id: true, slug: true, name: true, ssoConnection: { select: { id: true, issuer: true, clientId: true, clientSecretEncrypted: true } } },
  });
  if (!org?.ssoConnection) return null;
  const { id, issuer, clientId } = org.ssoConnection;
  const clientSecret = await readSsoClientSecret({ ...org.ssoConnection, orgId: org.id });
  if (clientSecret === null) return null;
  const endpoints = await discoverOidcEndpoints(issuer);
  return {
    orgId: org.id,
    connectionId: id,
    orgSlug: org.slug,
    orgName: org.name,
    provider: orgOidcProvider({ id: orgProviderId(org.slug), name: org.name, clientId, clientSecret }, endpoints),
  };
}

export function magicLinkProvider(): Provider {
  return EmailProvider({ maxAge: MAGIC_LINK_LIFETIME_SECONDS, sendVerificationRequest: sendMagicLink });
}
