// The e2e run's database, for specs that create fixtures through the domain layer
// (users, sessions, organizations, verified domains). `npm test` provides
// E2E_DATABASE_URL; without it the app runs in single-process mode with an embedded
// database a spec cannot reach.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { BrowserContext } from "@playwright/test";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { createSession } from "../../lib/auth/sessions";
import { e2ePorts } from "./ports";

export const e2eDatabaseUrl: string | undefined = process.env.E2E_DATABASE_URL;

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  if (!e2eDatabaseUrl) throw new Error("E2E_DATABASE_URL is not set (run the browser tests through npm test)");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: e2eDatabaseUrl }) });
  return client;
}

/**
 * Signs `context` in as the user by creating a session row and handing the browser its
 * cookie, as a sign-in would. Returns the session id and its token (for assertions).
 */
export async function signInContext(context: BrowserContext, userId: string, userAgent: string) {
  const session = await createSession(e2eDb(), { userId, method: "password", ip: "127.0.0.1", userAgent });
  await context.addCookies([
    { name: SESSION_COOKIE, value: session.token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax", expires: Math.floor(session.expires.getTime() / 1000) },
  ]);
  return session;
}

/** A verified user with a live session; returns the session cookie's value. */
export async function createSignedInUser(email: string, name = "E2E User"): Promise<{ userId: string; sessionToken: string }> {
  const user = await e2eDb().user.create({ data: { email: email.toLowerCase(), name, emailVerified: new Date() } });
  const session = await createSession(e2eDb(), { userId: user.id, method: "password", ip: "127.0.0.1", userAgent: "e2e" });
  return { userId: user.id, sessionToken: session.token };
}

/** An org (created if missing) with `userId` as a member in `role` and a verified email domain. */
export async function createOrgWithVerifiedDomain(input: { slug: string; domain: string; userId: string; role: "owner" | "admin" | "member" }): Promise<string> {
  const db = e2eDb();
  const org = await db.organization.upsert({ where: { slug: input.slug }, create: { name: input.slug, slug: input.slug }, update: {} });
  await db.membership.create({ data: { orgId: org.id, userId: input.userId, role: input.role } });
  await db.orgDomain.upsert({
    where: { orgId_domain: { orgId: org.id, domain: input.domain } },
    create: { orgId: org.id, domain: input.domain, verificationToken: randomBytes(8).toString("hex"), verifiedAt: new Date() },
    update: {},
  });
  await giveOrgEnterprisePlan(org.id);
  return org.id;
}

/**
 * Billing is on in the browser tests (Stripe stand-in) and SSO is an Enterprise
 * entitlement: a fixture org that sets up SSO is given an active Enterprise subscription
 * row directly, as if synced from Stripe (e2e/billing.spec.ts covers the real path).
 */
export async function giveOrgEnterprisePlan(orgId: string): Promise<void> {
  await e2eDb().subscription.upsert({
    where: { orgId },
    create: { orgId, stripeSubscriptionId: `sub_e2e_fixture_${orgId}`, status: "active", plan: "enterprise", readAt: new Date() },
    update: {},
  });
}

export const appOrigin = `http://127.0.0.1:${e2ePorts.app}`;
