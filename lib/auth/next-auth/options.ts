// next-auth's options, built per request ("advanced initialization"): the adapter knows
// the request's IP and user agent and how the session is being made, and a per-org SSO
// provider is loaded only when the request names it.
import "server-only";
import type { AuthOptions } from "next-auth";
import { recordAudit } from "../../audit/record";
import { applySsoMembership } from "../../sso/jit";
import { getDb } from "../../db";
import { appUrl } from "../../env";
import { requestMeta, isSecureRequest } from "../request-meta";
import { authSecret } from "../secret";
import { readSessionCookie, sessionCookieName } from "../session-cookie";
import { findActiveSession, SESSION_LIFETIME_MS } from "../sessions";
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

export type BuiltOptions = { options: AuthOptions; org: OrgSso | null; orgMissing: boolean; adapterContext: AdapterContext };

export async function authOptions(request: Request, providerId: string | undefined, requestId: string): Promise<BuiltOptions> {
  pinNextAuthUrl();
  const secure = isSecureRequest(request);
  const kind = providerKind(providerId);
  const meta = requestMeta(request);
  const adapterContext: AdapterContext = { method: kind.kind === "email" ? "magic_link" : "sso", meta };
  const org = kind.kind === "org" ? await orgSsoProvider(kind.orgSlug) : null;
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
  return { options, org, orgMissing: kind.kind === "org" && !org, adapterContext };
}
