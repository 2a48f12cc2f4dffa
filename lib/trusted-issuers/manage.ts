// Registering, listing and removing an org's trusted issuers. The mapping may not grant
// more than the registering admin holds (as with API keys), and at use time it is
// narrowed again to that admin's current role (lib/trusted-issuers/access.ts).
import "server-only";
import { recordAudit } from "../audit/record";
import { permissionsOf } from "../authz/permissions";
import { auditFields, type OrgContext } from "../context";
import { getDb } from "../db";
import { Conflict, Forbidden, NotFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { discoverJwksUrl, forgetJwks } from "./jwks";
import type { CreateTrustedIssuerInput } from "./schemas";

const SELECT = {
  id: true,
  issuer: true,
  audience: true,
  algorithms: true,
  jwksUrl: true,
  role: true,
  scopes: true,
  scopeClaim: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export async function listTrustedIssuers(orgId: string) {
  return { items: await getDb().trustedIssuer.findMany({ where: { orgId }, select: SELECT, orderBy: { createdAt: "asc" } }) };
}

export async function createTrustedIssuer(ctx: OrgContext, input: CreateTrustedIssuerInput) {
  const held = permissionsOf(ctx.role);
  const granted = input.role ? [...permissionsOf(input.role)] : input.scopes;
  const beyond = granted.filter((scope) => !held.has(scope as never));
  if (beyond.length > 0) throw new Forbidden(`An issuer cannot grant permissions you do not hold: ${beyond.join(", ")}`);
  const jwksUrl = input.jwksUrl ?? (await discoverJwksUrl(input.issuer));
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.trustedIssuer.create({
        data: {
          orgId: ctx.org.id,
          issuer: input.issuer,
          audience: input.audience,
          algorithms: input.algorithms,
          jwksUrl,
          role: input.role ?? null,
          scopes: input.role ? [] : input.scopes,
          scopeClaim: input.scopeClaim ?? null,
          createdById: ctx.actor.userId,
        },
        select: SELECT,
      });
      await recordAudit(tx, {
        ...auditFields(ctx),
        action: "trusted_issuer.created",
        targetType: "trusted_issuer",
        targetId: row.id,
        metadata: { issuer: row.issuer, audience: row.audience, algorithms: row.algorithms, role: row.role, scopes: row.scopes },
      });
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new Conflict("This issuer and audience are already registered");
    }
    throw error;
  }
}

export async function deleteTrustedIssuer(ctx: OrgContext, issuerId: string): Promise<void> {
  const removed = await getDb().$transaction(async (tx) => {
    const row = await tx.trustedIssuer.findFirst({ where: { id: issuerId, orgId: ctx.org.id } });
    if (!row) throw new NotFound("Trusted issuer");
    await tx.trustedIssuer.delete({ where: { id: row.id } });
    await recordAudit(tx, { ...auditFields(ctx), action: "trusted_issuer.deleted", targetType: "trusted_issuer", targetId: row.id, metadata: { issuer: row.issuer, audience: row.audience } });
    return row;
  });
  forgetJwks(removed.jwksUrl);
}
