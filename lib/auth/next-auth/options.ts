// next-auth's options, built per request ("advanced initialization"): the adapter knows
// the request's IP and user agent and how the session is being made, and a per-org SSO
// provider is loaded only when the request names it.
import "server-only";
import type { AuthOptions } from "next-auth";
import { recordAudit } from "../../audit/record";
import { Invalid } from "../../errors";
import { logger } from "../../logger";
import type { AuthErrorCode } from "../auth-errors";
import { applySsoMembership } from "../../sso/jit";
import { getDb } from "../../db";
import { appUrl } from "../../env";
import { requestMeta, isSecureRequest } from "../request-meta";
import { authSecret } from "../secret";
import { readSessionCookie, sessionCookieName } from "../session-cookie";
import { findActiveSession, SESSION_LIFETIME_MS, type SsoAssertion } from "../sessions";
import { randomToken } from "../tokens";
import { bastionAdapter, type AdapterContext } from "./adapter";
import { sameOriginPath } from "./callback-url";
import { nextAuthLogger } from "./logger";
import { instanceSsoProvider, magicLinkProvider, orgSsoProvider, providerKind, type OrgSso } from "./providers";
import { signInPolicy } from "./sign-in-policy";

/**
 * next-auth v4 takes its own public URL only from the NEXTAUTH_URL variable (it would
 * otherwise trust the Host header). Bastion's origin is APP_URL, validated by lib/env.ts,
 * so we set the variable from it (before each next-auth call, so it cannot drift);
 * nothing outside lib/env.ts reads the environment.
 */
function pinNextAuthUrl(): void {
  process.env.NEXTAUTH_URL = `${appUrl()}/api/auth`;
}

async function currentUserId(request: Request): Promise<string | null> {
  const token = readSessionCookie(request);
  return token ? ((await findActiveSession(token))?.userId ?? null) : null;
}

/** The ID token's amr (a list of strings) and acr (a string), as an org's MFA requirement reads them. */
function ssoAssertionOf(claims: Record<string, unknown> | undefined): SsoAssertion {
  const amr = Array.isArray(claims?.amr) ? claims.amr.filter((value): value is string => typeof value === "string").slice(0, 20) : [];
  return { amr, acr: typeof claims?.acr === "string" ? claims.acr.slice(0, 255) : null };
}

/** `orgRefusal`: why a sign-in through the org named in the request cannot go on. */
export type BuiltOptions = { options: AuthOptions; org: OrgSso | null; orgRefusal: AuthErrorCode | null; adapterContext: AdapterContext };

/** The org's provider, or why there is none: no SSO, or its issuer's discovery failed. */
async function loadOrgSso(orgSlug: string): Promise<{ org: OrgSso | null; refusal: AuthErrorCode | null }> {
  try {
    const org = await orgSsoProvider(orgSlug);
    return { org, refusal: org ? null : "SsoNotConfigured" };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    logger.warn({ orgSlug, reason: error.message }, "org SSO issuer discovery failed at sign-in");
    return { org: null, refusal: "OAuthSignin" };
  }
}

export async function authOptions(request: Request, providerId: string | undefined, requestId: string): Promise<BuiltOptions> {
  pinNextAuthUrl();
  const secure = isSecureRequest(request);
  const kind = providerKind(providerId);
  const meta = requestMeta(request);
  const adapterContext: AdapterContext = { method: kind.kind === "email" ? "magic_link" : "sso", meta };
  const { org, refusal: orgRefusal } = kind.kind === "org" ? await loadOrgSso(kind.orgSlug) : { org: null, refusal: null };
  if (org) adapterContext.ssoConnectionId = org.connectionId;
  const instance = instanceSsoProvider();
  let ssoClaims: Record<string, unknown> | undefined;

  const options: AuthOptions = {
    secret: authSecret(),
    adapter: bastionAdapter(adapterContext),
    providers: [magicLinkProvider(), ...(instance ? [instance] : []), ...(org ? [org.provider] : [])],
    session: { strategy: "database", maxAge: SESSION_LIFETIME_MS / 1000, generateSessionToken: () => randomToken() },
    useSecureCookies: secure,
    // One session cookie for every sign-in method, read by the request pipeline.
    cookies: { sessionToken: { name: sessionCookieName(secure), options: { httpOnly: true, sameSite: "lax", path: "/", secure } } },
    pages: { signIn: "/sign-in", verifyRequest: "/magic-link-sent", error: "/auth-error", newUser: "/onboarding" },
    callbacks: {
      redirect: ({ url }) => sameOriginPath(url),
      signIn: (attempt) => {
        // The IdP's raw claims (groups for role mapping); events.signIn only sees the mapped profile.
        ssoClaims = attempt.profile as Record<string, unknown> | undefined;
        adapterContext.ssoAssertion = ssoAssertionOf(ssoClaims);
        return signInPolicy(attempt, { kind, orgId: org?.orgId ?? null, adapter: adapterContext, requestId, currentUserId: () => currentUserId(request) });
      },
      session: ({ session, user }) => ({ ...session, user: { id: user.id, email: user.email, name: user.name } }),
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (org) {
          await getDb().$transaction((tx) =>
            applySsoMembership(tx, { orgId: org.orgId, userId: user.id, claims: ssoClaims, via: "oidc", ip: meta.ip, userAgent: meta.userAgent, requestId }),
          );
        }
        await recordAudit(getDb(), {
          action: "auth.sign_in",
          actorId: user.id,
          orgId: org?.orgId ?? null,
          ip: meta.ip,
          userAgent: meta.userAgent,
          requestId,
          metadata: { method: adapterContext.method, provider: account?.provider ?? "unknown", newUser: Boolean(isNewUser) },
        });
      },
    },
    logger: nextAuthLogger,
  };
  return { options, org, orgRefusal, adapterContext };
}
