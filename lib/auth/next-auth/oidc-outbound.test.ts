import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { reloadEnv } from "../../env";
import { AuthBrowser, locationOf } from "../../testing/auth-browser";
import { captureLogs } from "../../testing/capture-logs";
import { describeWith } from "../../testing/describe";
import { uniqueSuffix } from "../../testing/fixtures";
import { addSsoConnection, createOrg } from "../../testing/org-fixtures";
import { SESSION_COOKIE } from "../session-cookie";

// The operator allows the host name `localhost` only, not loopback addresses as such: an
// IdP at http://localhost:… may be called, the same server at http://127.0.0.1:… may not.
process.env.BASTION_OUTBOUND_ALLOWLIST = "localhost";
reloadEnv();

const run = uniqueSuffix();
const CLIENT = { clientId: "bastion-guarded", clientSecret: `guarded-secret-${run}` };

/** A loopback server answering `answer`, counting every request that reaches it. */
async function countingServer(answer: (request: IncomingMessage) => unknown) {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(answer(request)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type CountingServer = Awaited<ReturnType<typeof countingServer>>;

/** A public-looking IdP at http://localhost:…, with the endpoints `aim` names (some at the internal service). */
async function fakeIdp(aim: (self: string, internal: string) => { token_endpoint: string; jwks_uri: string }): Promise<CountingServer> {
  const idp: CountingServer = await countingServer((request) => {
    const self = `http://localhost:${idp.port}`;
    if (request.url === "/token") return { access_token: "opaque", token_type: "Bearer", id_token: unverifiedIdToken(self) };
    return { issuer: self, authorization_endpoint: `${self}/authorize`, ...aim(self, `http://127.0.0.1:${internal.port}`) };
  });
  return idp;
}

/** An ID token whose claims pass, so openid-client goes on to fetch the JWKS to check its signature. */
function unverifiedIdToken(issuer: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: "RS256", kid: "k1" })}.${part({ iss: issuer, aud: CLIENT.clientId, sub: "someone", iat: now, exp: now + 300 })}.c2ln`;
}

let internal: CountingServer;
let idp: CountingServer;
let idpWithInternalJwks: CountingServer;

beforeAll(async () => {
  // Stands for an internal service: whatever reaches it is a failure of the guard.
  internal = await countingServer(() => ({ access_token: "x", token_type: "Bearer", id_token: "x", issuer: "http://127.0.0.1" }));
  idp = await fakeIdp((self, inside) => ({ token_endpoint: `${inside}/token`, jwks_uri: `${self}/jwks` }));
  idpWithInternalJwks = await fakeIdp((self, inside) => ({ token_endpoint: `${self}/token`, jwks_uri: `${inside}/jwks` }));
});

afterAll(async () => {
  await Promise.all([internal?.close(), idp?.close(), idpWithInternalJwks?.close()]);
});

async function signInThrough(orgSlug: string, issuer: string) {
  const org = await createOrg({ slug: orgSlug });
  await addSsoConnection(org.id, { issuer, ...CLIENT });
  const browser = new AuthBrowser();
  const authorizationUrl = new URL(locationOf(await browser.signIn(`sso-${org.slug}`, { callbackUrl: "/" })));
  expect(authorizationUrl.origin).toBe(issuer);
  // The IdP would send the browser back with a code; what follows are the guarded calls.
  const state = authorizationUrl.searchParams.get("state")!;
  const callback = await browser.auth("GET", `/api/auth/callback/sso-${org.slug}?code=any-code&state=${encodeURIComponent(state)}`);
  return { browser, callback };
}

describeWith(["postgres", "redis"], "the outbound guard on an org's OIDC calls at sign-in", () => {
  it("refuses a token endpoint on an internal address: no request reaches it, nobody is signed in", async () => {
    const logs = captureLogs();
    const { browser, callback } = await signInThrough(`guarded-${run}`, `http://localhost:${idp.port}`);

    expect(locationOf(callback)).toBe("http://localhost:3000/api/auth/error?error=OAuthCallback");
    expect(locationOf(await browser.auth("GET", "/api/auth/error?error=OAuthCallback"))).toBe("/auth-error?error=OAuthCallback");
    expect(internal.hits).toEqual([]);
    expect(idp.hits).toEqual(["GET /.well-known/openid-configuration", "GET /.well-known/openid-configuration"]);
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().account.count({ where: { provider: `sso-guarded-${run}` } })).toBe(0);
    expect(logs.text()).toMatch(/127\.0\.0\.1 resolves to an internal address/);
  });

  it("refuses a JWKS on an internal address when checking the ID token's signature", async () => {
    const { browser, callback } = await signInThrough(`guarded-jwks-${run}`, `http://localhost:${idpWithInternalJwks.port}`);
    expect(locationOf(callback)).toBe("http://localhost:3000/api/auth/error?error=OAuthCallback");
    expect(idpWithInternalJwks.hits).toContain("POST /token");
    expect(internal.hits).toEqual([]);
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().account.count({ where: { provider: `sso-guarded-jwks-${run}` } })).toBe(0);
  });

  it("refuses an issuer on an internal address before any call: the error page says the IdP cannot be reached", async () => {
    const org = await createOrg({ slug: `guarded-issuer-${run}` });
    await addSsoConnection(org.id, { issuer: `http://127.0.0.1:${internal.port}`, ...CLIENT });
    const browser = new AuthBrowser();

    expect(locationOf(await browser.signIn(`sso-${org.slug}`, { callbackUrl: "/" }))).toBe("/auth-error?error=OAuthSignin");
    expect(locationOf(await browser.auth("GET", `/api/auth/callback/sso-${org.slug}?code=any-code&state=x`))).toBe("/auth-error?error=OAuthSignin");
    expect(internal.hits).toEqual([]);
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getDb().account.count({ where: { provider: `sso-${org.slug}` } })).toBe(0);
  });
});
