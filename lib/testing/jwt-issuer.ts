// A local identity provider for external-token tests: a loopback HTTP server serving an
// OpenID discovery document and a JWKS (counting every JWKS fetch), keys generated per
// run, and tokens signed with them exactly as Auth0, Okta or Keycloak sign theirs.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";
import { reloadEnv } from "../env";
import { getDb } from "../db";

/** The outbound guard refuses loopback unless the operator allows it; tests allow it as an operator would. */
export function allowLoopbackOutbound(): void {
  process.env.BASTION_OUTBOUND_ALLOWLIST = "127.0.0.0/8,::1,localhost";
  reloadEnv();
}

type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

export async function signingKey(alg: "RS256" | "ES256" = "RS256"): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomBytes(6).toString("hex");
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

export type TestIssuer = {
  url: string;
  issuer: string;
  jwksUrl: string;
  /** JWKS fetches so far. */
  jwksHits: () => number;
  keys: SigningKey[];
  /** Replaces the published keys (rotation). */
  publish: (keys: SigningKey[]) => void;
  sign: (claims: JWTPayload, options?: { key?: SigningKey; alg?: string; kid?: string }) => Promise<string>;
  close: () => Promise<void>;
};

export async function startTestIssuer(): Promise<TestIssuer> {
  let keys = [await signingKey()];
  let hits = 0;
  const server: Server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === "/.well-known/openid-configuration") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
    } else if (request.url === "/jwks") {
      hits += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer: TestIssuer = {
    url,
    issuer: url,
    jwksUrl: `${url}/jwks`,
    jwksHits: () => hits,
    get keys() {
      return keys;
    },
    publish: (next) => {
      keys = next;
    },
    sign: async (claims, options = {}) => {
      const key = options.key ?? keys[0]!;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? String(key.publicJwk.alg), kid: options.kid ?? key.kid, typ: "JWT" })
        .setIssuedAt()
        .sign(key.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return issuer;
}

/** Standard claims for a machine token of this issuer, valid for an hour. */
export function machineClaims(issuer: TestIssuer, audience: string, extra: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer.issuer, aud: audience, sub: "client-credentials@clients", exp: now + 3600, nbf: now - 5, ...extra };
}

/** Registers the issuer for an org through Prisma, as the console would store it. */
export async function trustIssuer(orgId: string, createdById: string, issuer: TestIssuer, mapping: { role?: "admin" | "billing" | "member"; scopes?: string[]; scopeClaim?: string; audience?: string } = {}) {
  const audience = mapping.audience ?? `https://api.bastion.test/${randomBytes(4).toString("hex")}`;
  const row = await getDb().trustedIssuer.create({
    data: {
      orgId,
      createdById,
      issuer: issuer.issuer,
      audience,
      algorithms: ["RS256", "ES256"],
      jwksUrl: issuer.jwksUrl,
      role: mapping.role ?? null,
      scopes: mapping.role ? [] : (mapping.scopes ?? []),
      scopeClaim: mapping.scopeClaim ?? null,
    },
  });
  return { row, audience };
}
