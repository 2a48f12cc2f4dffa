// Test data made through Prisma against the run's real database. Unique values per call
// so test files can share one database.
import { randomBytes } from "node:crypto";
import { getDb } from "../db";
import { createSession } from "../auth/sessions";
import { SESSION_COOKIE } from "../auth/session-cookie";

export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export async function createUser(overrides: { email?: string; name?: string; passwordHash?: string | null; emailVerified?: Date | null } = {}) {
  return getDb().user.create({
    data: {
      email: overrides.email ?? `user-${uniqueSuffix()}@example.test`,
      name: overrides.name ?? "Test User",
      passwordHash: overrides.passwordHash ?? null,
      emailVerified: overrides.emailVerified === undefined ? new Date() : overrides.emailVerified,
    },
  });
}

/** An org with its owner and, for each role given, a signed-in member holding it. */
export async function orgWithMembers(roles: ("owner" | "admin" | "billing" | "member")[] = []) {
  const owner = await signedInUser({ name: "Olive Owner" });
  const org = await getDb().organization.create({ data: { name: "Acme", slug: `acme-${uniqueSuffix()}` } });
  const ownerMembership = await getDb().membership.create({ data: { orgId: org.id, userId: owner.user.id, role: "owner" } });
  const members = [];
  for (const role of roles) {
    const member = await signedInUser({ name: `${role} member` });
    const membership = await getDb().membership.create({ data: { orgId: org.id, userId: member.user.id, role } });
    members.push({ ...member, membership, role });
  }
  return { org, owner: { ...owner, membership: ownerMembership }, members };
}

/** A user with a live session, and the Cookie header a browser would send. */
export async function signedInUser(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  const session = await createSession(getDb(), { userId: user.id, method: "password", ip: "127.0.0.1", userAgent: "vitest" });
  return { user, session, cookie: `${SESSION_COOKIE}=${session.token}` };
}
