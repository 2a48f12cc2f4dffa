// The scale test's data, written through the app's own modules (same settings as the
// processes under test): an org with an owner, a member and a third user, and a GitHub
// connection whose webhook secret is stored through the secrets module.
import { randomBytes } from "node:crypto";
import type { People } from "./sessions";

export async function seedScale(env: Record<string, string>) {
  Object.assign(process.env, env);
  const { createUser } = await import("../../lib/testing/fixtures");
  const { createOrg, addMember } = await import("../../lib/testing/org-fixtures");
  const { hashPassword } = await import("../../lib/auth/passwords");
  const { createTestConnection } = await import("../../lib/testing/integration-fixtures");
  const { disconnectDb } = await import("../../lib/db");

  const password = "scale-test-password-42";
  const passwordHash = await hashPassword(password);
  const org = await createOrg({ slug: "scale" });
  const [owner, member, leaver] = await Promise.all(["owner", "member", "leaver"].map((name) => createUser({ email: `${name}@scale.test`, passwordHash })));
  await addMember(org.id, owner!.id, "owner");
  const membership = await addMember(org.id, member!.id, "member");
  await addMember(org.id, leaver!.id, "member");
  const webhookSecret = randomBytes(32).toString("base64url");
  const connection = await createTestConnection(org.id, "github", { WEBHOOK_SECRET: webhookSecret }, { name: "scale/github" });
  await disconnectDb();

  const people: People = { slug: org.slug, password, owner: owner!.email, member: member!.email, leaver: leaver!.email, memberMembershipId: membership.id };
  return { people, connectionId: connection.id, webhookSecret };
}
