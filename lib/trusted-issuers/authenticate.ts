// The pipeline's external-token authenticator: `Authorization: Bearer <JWT>` from an
// org's trusted issuer. The unverified `iss` and `aud` only pick the candidate issuer;
// everything is then checked by jose against that issuer's registration: signature with
// its JWKS, iss, aud, exp, nbf, and the algorithm pinned to its asymmetric list (never
// `none`, never HMAC, so a public key cannot be used as an HMAC secret).
import "server-only";
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { permissionsOf, type Role } from "../authz/permissions";
import { getDb, getPool } from "../db";
import { Unauthorized } from "../errors";
import type { Actor } from "../http/authenticate";
import { logger } from "../logger";
import { isAsymmetricAlgorithm } from "./algorithms";
import { jwksFor } from "./jwks";

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const CLOCK_TOLERANCE_SECONDS = 30;
const TOUCH_INTERVAL_MS = 60_000;

/** API keys (`bst_…`) and SCIM tokens never contain a dot; a compact JWS has exactly two. */
export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token);
}

type IssuerRow = {
  id: string;
  orgId: string;
  issuer: string;
  audience: string;
  algorithms: string[];
  jwksUrl: string;
  role: Role | null;
  scopes: string[];
  scopeClaim: string | null;
  createdById: string | null;
  lastUsedAt: Date | null;
  orgSlug: string;
  creatorRole: string | null;
};

const REFUSED = "Invalid bearer token";

export async function externalTokenAuthenticator(request: Request, token: string): Promise<Actor> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
    decodeProtectedHeader(token);
  } catch {
    throw new Unauthorized(REFUSED);
  }
  const audiences = typeof claims.aud === "string" ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (typeof claims.iss !== "string" || audiences.length === 0) throw new Unauthorized(REFUSED);
  const issuer = await findIssuer(claims.iss, audiences);
  if (!issuer) throw new Unauthorized(REFUSED);

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwksFor(issuer.jwksUrl), {
      issuer: issuer.issuer,
      audience: issuer.audience,
      // Re-checked here so a row written around the schema still cannot allow HMAC or none.
      algorithms: issuer.algorithms.filter(isAsymmetricAlgorithm),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "sub"],
    }));
  } catch (error) {
    // The reason (expired, bad signature, unknown kid) goes to the log, not to the caller.
    logger.info({ issuerId: issuer.id, reason: (error as { code?: string }).code ?? "invalid" }, "external token refused");
    throw new Unauthorized(REFUSED);
  }
  if (!issuer.lastUsedAt || Date.now() - issuer.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await touchLastUsed(issuer.id);
  return {
    kind: "externalToken",
    issuerId: issuer.id,
    subject: String(payload.sub).slice(0, 200),
    orgId: issuer.orgId,
    userId: issuer.createdById,
    scopes: scopesOf(issuer, payload),
    org: { slug: issuer.orgSlug, creatorRole: issuer.creatorRole },
  };
}

/** The mapping's permissions (a role's, or listed scopes), narrowed by the token's scope claim when one is named. */
export function scopesOf(issuer: Pick<IssuerRow, "role" | "scopes" | "scopeClaim">, payload: JWTPayload): string[] {
  const base: string[] = issuer.role ? [...permissionsOf(issuer.role)] : issuer.scopes;
  if (!issuer.scopeClaim) return base;
  const claim = payload[issuer.scopeClaim];
  const granted = new Set(typeof claim === "string" ? claim.split(/\s+/) : Array.isArray(claim) ? claim.filter((value): value is string => typeof value === "string") : []);
  return base.filter((scope) => granted.has(scope));
}

/** One plain-SQL round trip per request, like API keys: a deleted issuer stops working at once. */
async function findIssuer(iss: string, audiences: unknown[]): Promise<IssuerRow | null> {
  const { rows } = await getPool().query<IssuerRow>(
    `SELECT t.id, t."orgId", t.issuer, t.audience, t.algorithms, t."jwksUrl", t.role, t.scopes, t."scopeClaim",
            t."createdById", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", o.slug AS "orgSlug", m.role AS "creatorRole"
     FROM "TrustedIssuer" t
     JOIN "Organization" o ON o.id = t."orgId" AND o."deletedAt" IS NULL
     LEFT JOIN "Membership" m ON m."orgId" = t."orgId" AND m."userId" = t."createdById"
     WHERE t.issuer = $1 AND t.audience = ANY($2::text[])
     LIMIT 1`,
    [iss, audiences.filter((value): value is string => typeof value === "string").slice(0, 10)],
  );
  return rows[0] ?? null;
}

async function touchLastUsed(issuerId: string): Promise<void> {
  const staleBefore = new Date(Date.now() - TOUCH_INTERVAL_MS);
  await getDb().trustedIssuer.updateMany({
    where: { id: issuerId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: new Date() },
  });
}
