// External IdP tokens on the API, against a local JWKS server: a valid token acts like an
// API key of the admin who registered the issuer; every forged or stale variant is a
// 401; the JWKS is fetched once and cached (no network call per request), refreshed on
// an unknown kid at most once per cooldown, and picks up rotated keys.
import { createPublicKey } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import * as membersRoute from "@/app/api/v1/orgs/[slug]/members/route";
import * as orgRoute from "@/app/api/v1/orgs/[slug]/route";
import * as issuersRoute from "@/app/api/v1/orgs/[slug]/trusted-issuers/route";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { call } from "../testing/http";
import { allowLoopbackOutbound, machineClaims, signingKey, startTestIssuer, trustIssuer, type TestIssuer } from "../testing/jwt-issuer";
import { forgetJwks, JWKS_REFRESH_COOLDOWN_MS } from "./jwks";
import { createTrustedIssuerSchema } from "./schemas";

let idp: TestIssuer;

beforeAll(async () => {
  allowLoopbackOutbound();
  idp = await startTestIssuer();
});
afterAll(() => idp?.close());
afterEach(() => {
  vi.useRealTimers();
  forgetJwks();
});

async function orgWithIssuer(mapping: Parameters<typeof trustIssuer>[3] = { scopes: ["org:read"] }) {
  const fixture = await orgWithMembers(["member"]);
  const { audience, row } = await trustIssuer(fixture.org.id, fixture.owner.user.id, idp, mapping);
  const get = (token: string, route: { GET: typeof orgRoute.GET } = orgRoute, path = "") =>
    call(route.GET, "GET", `/api/v1/orgs/${fixture.org.slug}${path}`, { headers: { authorization: `Bearer ${token}` }, params: { slug: fixture.org.slug } });
  return { ...fixture, audience, issuerRow: row, get };
}

/** Moves the clock past jose's refresh cooldown (Date only: sockets and timers stay real). */
function afterCooldown(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + JWKS_REFRESH_COOLDOWN_MS + 1_000);
}

describeWith(["postgres"], "external IdP tokens", () => {
  it("accepts a valid token as an actor with the mapped scopes, and fetches the JWKS once for many requests", async () => {
    const { audience, get } = await orgWithIssuer();
    const before = idp.jwksHits();
    const token = await idp.sign(machineClaims(idp, audience));
    for (let index = 0; index < 10; index++) expect((await get(token)).status).toBe(200);
    expect(idp.jwksHits() - before).toBe(1);
    // Scopes narrow: members:read is not mapped.
    expect((await get(token, membersRoute, "/members")).status).toBe(403);
  });

  it("refuses wrong audience, wrong issuer, alg none, HS256 keyed with the public key, expired and not-yet-valid tokens", async () => {
    const { audience, get } = await orgWithIssuer();
    const claims = machineClaims(idp, audience);
    const now = Math.floor(Date.now() / 1000);
    const publicPem = createPublicKey({ key: idp.keys[0]!.publicJwk as never, format: "jwk" }).export({ type: "spki", format: "pem" });
    const forged = {
      wrongAudience: await idp.sign({ ...claims, aud: "https://someone-else.example" }),
      wrongIssuer: await idp.sign({ ...claims, iss: "https://evil.example" }),
      algNone: new UnsecuredJWT(claims).encode(),
      hs256WithPublicKey: await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: idp.keys[0]!.kid }).sign(new TextEncoder().encode(String(publicPem))),
      expired: await idp.sign({ ...claims, exp: now - 3600 }),
      notYetValid: await idp.sign({ ...claims, nbf: now + 3600 }),
      noSubject: await idp.sign({ ...claims, sub: undefined }),
      tampered: (await idp.sign(claims)).replace(/\.([^.]+)\./, (_, payload: string) => `.${Buffer.from(JSON.stringify({ ...claims, sub: "root" })).toString("base64url")}.`),
    };
    for (const [label, token] of Object.entries(forged)) {
      const answer = await get(token);
      expect({ label, status: answer.status }).toEqual({ label, status: 401 });
      expect(answer.body.error.message).toBe("Invalid bearer token");
    }
    expect((await get(await idp.sign(claims))).status).toBe(200);
  });

  it("refreshes the JWKS once for an unknown kid, then refuses without refetching during the cooldown", async () => {
    const { audience, get } = await orgWithIssuer();
    const claims = machineClaims(idp, audience);
    expect((await get(await idp.sign(claims))).status).toBe(200);
    const hits = idp.jwksHits();
    const stranger = await signingKey();
    afterCooldown();
    expect((await get(await idp.sign(claims, { key: stranger }))).status).toBe(401);
    expect(idp.jwksHits()).toBe(hits + 1);
    for (let index = 0; index < 5; index++) expect((await get(await idp.sign(claims, { key: stranger }))).status).toBe(401);
    expect(idp.jwksHits()).toBe(hits + 1);
  });

  it("follows a key rotation: the new key works after one refresh, the retired one stops", async () => {
    const { audience, get } = await orgWithIssuer();
    const claims = machineClaims(idp, audience);
    const retired = idp.keys[0]!;
    expect((await get(await idp.sign(claims))).status).toBe(200);
    const next = await signingKey("ES256");
    idp.publish([next]);
    afterCooldown();
    expect((await get(await idp.sign(claims, { key: next }))).status).toBe(200);
    // The cached set is the rotated one: the retired key no longer verifies.
    expect((await get(await idp.sign(claims, { key: retired }))).status).toBe(401);
    idp.publish([retired]);
  });

  it("maps a role or a scope claim, narrowed to the registering admin's current role, and stops at once when the issuer is removed", async () => {
    const { org, audience, get, owner, issuerRow } = await orgWithIssuer({ role: "admin", scopeClaim: "scope" });
    const token = await idp.sign(machineClaims(idp, audience, { scope: "org:read members:read" }));
    expect((await get(token, membersRoute, "/members")).status).toBe(200);
    const readOnly = await idp.sign(machineClaims(idp, audience, { scope: "org:read" }));
    expect((await get(readOnly, membersRoute, "/members")).status).toBe(403);
    // The registering admin leaves the org: the issuer's tokens hold nothing any more.
    await getDb().membership.delete({ where: { orgId_userId: { orgId: org.id, userId: owner.user.id } } });
    expect((await get(token, membersRoute, "/members")).status).toBe(403);
    await getDb().trustedIssuer.delete({ where: { id: issuerRow.id } });
    expect((await get(token)).status).toBe(401);
  });

  it("a token of one org's issuer is not found in another org", async () => {
    const { audience } = await orgWithIssuer();
    const other = await orgWithMembers();
    const token = await idp.sign(machineClaims(idp, audience));
    const answer = await call(orgRoute.GET, "GET", `/api/v1/orgs/${other.org.slug}`, { headers: { authorization: `Bearer ${token}` }, params: { slug: other.org.slug } });
    expect(answer.status).toBe(404);
  });

  it("registers an issuer through the API with the JWKS URL from discovery, and refuses symmetric algorithms", async () => {
    const { org, owner } = await orgWithMembers();
    const audience = `https://api.bastion.test/registered-${org.slug}`;
    const created = await call(issuersRoute.POST, "POST", `/api/v1/orgs/${org.slug}/trusted-issuers`, {
      cookie: owner.cookie,
      params: { slug: org.slug },
      body: { issuer: idp.issuer, audience, algorithms: ["RS256"], scopes: ["org:read"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.jwksUrl).toBe(idp.jwksUrl);
    expect((await getDb().auditEvent.findFirst({ where: { orgId: org.id, action: "trusted_issuer.created" } }))?.targetId).toBe(created.body.id);
    expect(createTrustedIssuerSchema.safeParse({ issuer: idp.issuer, audience, algorithms: ["HS256"], scopes: ["org:read"] }).success).toBe(false);
    expect(createTrustedIssuerSchema.safeParse({ issuer: idp.issuer, audience, algorithms: ["none"], scopes: ["org:read"] }).success).toBe(false);
  });
});
