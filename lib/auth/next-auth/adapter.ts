// next-auth's database adapter over Bastion's own tables. Built per request so that a
// session knows how it was established (magic link or SSO) and from where.
// Sessions: the cookie token is never stored, only its SHA-256 (Session.tokenHash), the
// same scheme as password sessions, so findActiveSession recognises every kind.
// Accounts: only the link (provider, subject) is kept; OAuth tokens are not stored,
// since Bastion uses the IdP for sign-in only and stored tokens would be credentials.
import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { getDb } from "../../db";
import type { RequestMeta } from "../request-meta";
import type { SessionMethod, SsoAssertion } from "../sessions";
import { hashToken } from "../tokens";

export type AdapterContext = {
  method: SessionMethod;
  meta: RequestMeta;
  /** Set by the sign-in policy when the IdP's email assertion is trustworthy. */
  emailTrusted?: boolean;
  /** The org SSO connection signing in, remembered on the session so disabling it ends the session. */
  ssoConnectionId?: string;
  /** What the IdP's ID token asserted (amr, acr), set by the signIn callback before the session is made. */
  ssoAssertion?: SsoAssertion;
  /** Set by the sign-in policy when the user has a second factor: no session now, an MFA step instead. */
  mfaPendingUserId?: string;
};

type UserRow = { id: string; email: string; name: string | null; image: string | null; emailVerified: Date | null; deactivatedAt: Date | null };

const userSelect = { id: true, email: true, name: true, image: true, emailVerified: true, deactivatedAt: true } as const;

function toAdapterUser(row: UserRow): AdapterUser {
  return { id: row.id, email: row.email, name: row.name, image: row.image, emailVerified: row.emailVerified };
}

/** Deactivated users cannot sign in by any method. */
function activeUser(row: UserRow | null): AdapterUser | null {
  return row && !row.deactivatedAt ? toAdapterUser(row) : null;
}

export function bastionAdapter(context: AdapterContext): Adapter {
  const db = getDb();
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const row = await db.user.create({
        data: {
          email: user.email.trim().toLowerCase(),
          name: user.name ?? null,
          image: user.image ?? null,
          emailVerified: user.emailVerified ?? (context.emailTrusted ? new Date() : null),
        },
        select: userSelect,
      });
      return toAdapterUser(row);
    },
    async getUser(id) {
      return activeUser(await db.user.findUnique({ where: { id }, select: userSelect }));
    },
    async getUserByEmail(email) {
      return activeUser(await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: userSelect }));
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: userSelect } },
      });
      return activeUser(account?.user ?? null);
    },
    async updateUser({ id, name, image, emailVerified }) {
      const row = await db.user.update({
        where: { id },
        data: { ...(name !== undefined ? { name } : {}), ...(image !== undefined ? { image } : {}), ...(emailVerified !== undefined ? { emailVerified } : {}) },
        select: userSelect,
      });
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: { userId: account.userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
      });
    },
    async unlinkAccount({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">) {
      await db.account.deleteMany({ where: { provider, providerAccountId } });
    },
    async createSession({ sessionToken, userId, expires }): Promise<AdapterSession> {
      await db.session.create({
        data: {
          tokenHash: hashToken(sessionToken),
          userId,
          expires,
          method: context.method,
          ssoConnectionId: context.ssoConnectionId ?? null,
          ssoAmr: context.ssoAssertion?.amr ?? [],
          ssoAcr: context.ssoAssertion?.acr ?? null,
          ipAddress: context.meta.ip,
          userAgent: context.meta.userAgent,
        },
      });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const session = await db.session.findUnique({
        where: { tokenHash: hashToken(sessionToken) },
        select: { userId: true, expires: true, user: { select: userSelect } },
      });
      const user = activeUser(session?.user ?? null);
      if (!session || !user) return null;
      return { session: { sessionToken, userId: session.userId, expires: session.expires }, user };
    },
    async updateSession({ sessionToken, expires }) {
      const session = await db.session.findUnique({ where: { tokenHash: hashToken(sessionToken) }, select: { id: true, userId: true, expires: true } });
      if (!session) return null;
      if (expires) await db.session.update({ where: { id: session.id }, data: { expires } });
      return { sessionToken, userId: session.userId, expires: expires ?? session.expires };
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { tokenHash: hashToken(sessionToken) } });
    },
    // next-auth already stores only a hash of the emailed token (salted with the secret).
    async createVerificationToken(token) {
      await db.verificationToken.create({ data: { identifier: token.identifier, token: token.token, expires: token.expires } });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      const row = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
      if (!row) return null;
      // Single use even when two clicks race: only the request that deletes the row wins.
      const { count } = await db.verificationToken.deleteMany({ where: { identifier, token } });
      return count === 1 ? row : null;
    },
  };
}
