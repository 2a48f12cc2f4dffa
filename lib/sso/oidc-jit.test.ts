// JIT membership and group-to-role mapping through an org's OIDC connection, sessions
// that remember the connection, and deleting the connection ending them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/session-cookie";
import { findActiveSession } from "../auth/sessions";
import { getDb } from "../db";
import { AuthBrowser, locationOf } from "../testing/auth-browser";
import { describeWith } from "../testing/describe";
import { uniqueSuffix } from "../testing/fixtures";
import { authorizeAs, startTestOidcProvider, type TestOidcProvider } from "../testing/oidc-provider";
import { addSsoConnection, addVerifiedDomain, createOrg } from "../testing/org-fixtures";
import { deleteSsoConnection } from "./connections";
import { saveSsoJitPolicy } from "./jit";

const run = uniqueSuffix();
const slug = `jit-${run}`;
const domain = `${run}.jit.test`;
const CLIENT = { clientId: "bastion-jit", clientSecret: `jit-secret-${run}` };
const leads = new Set<string>();

let idp: TestOidcProvider;

beforeAll(async () => {
  idp = await startTestOidcProvider({
    clients: [{ ...CLIENT, redirectUris: [`http://localhost:3000/api/auth/callback/sso-${slug}`] }],
    groupsFor: (email) => (leads.has(email) ? ["everyone", "leads"] : ["everyone"]),
  });
});

afterAll(async () => {
  await idp?.close();
});

async function signIn(email: string): Promise<string> {
  const browser = new AuthBrowser();
  const start = await browser.signIn(`sso-${slug}`, { callbackUrl: "/" });
  const back = new URL(await authorizeAs(locationOf(start), email));
  await browser.auth("GET", `${back.pathname}${back.search}`);
  const token = browser.cookie(SESSION_COOKIE);
  if (!token) throw new Error("no session");
  return token;
}

describeWith(["postgres", "redis"], "OIDC just-in-time membership", () => {
  let org: { id: string; slug: string };
  let connectionId: string;

  beforeAll(async () => {
    org = await createOrg({ slug });
    await addVerifiedDomain(org.id, domain);
    connectionId = (await addSsoConnection(org.id, { issuer: idp.issuer, ...CLIENT })).id;
  });

  const role = async (email: string) => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    return (await getDb().membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: user.id } } }))?.role ?? null;
  };

  it("creates no membership while JIT is off, then the default role, then the mapped role at the next sign-in", async () => {
    const email = `ada-${uniqueSuffix()}@${domain}`;
    await signIn(email);
    expect(await role(email)).toBeNull();

    await saveSsoJitPolicy({ orgId: org.id, actorId: null as unknown as string, ip: null, userAgent: null, requestId: "test" }, { defaultRole: "member", groupsClaim: "groups", roleMappings: [{ group: "leads", role: "admin" }] });
    const token = await signIn(email);
    expect(await role(email)).toBe("member");
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "member.joined" } })).toBe(1);
    const session = await findActiveSession(token);
    expect((await getDb().session.findUniqueOrThrow({ where: { id: session!.sessionId } })).ssoConnectionId).toBe(connectionId);

    leads.add(email);
    await signIn(email);
    expect(await role(email)).toBe("admin");

    const newLead = `lead-${uniqueSuffix()}@${domain}`;
    leads.add(newLead);
    await signIn(newLead);
    expect(await role(newLead)).toBe("admin");
  });

  it("ends the sessions the connection made when it is deleted", async () => {
    const token = await signIn(`bob-${uniqueSuffix()}@${domain}`);
    expect(await findActiveSession(token)).not.toBeNull();
    await deleteSsoConnection({ org, actorId: null as unknown as string, meta: { ip: null, userAgent: null }, requestId: "test" });
    expect(await findActiveSession(token)).toBeNull();
    expect(await getDb().secret.count({ where: { orgId: org.id, scope: `sso:${connectionId}` } })).toBe(0);
  });
});
