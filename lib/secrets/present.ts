// What the API shows of a secret: never its value, never ciphertext.
import type { OrgContext } from "../context";
import type { Prisma } from "../generated/prisma/client";

type SecretRow = {
  id: string;
  key: string;
  description: string;
  environment: string | null;
  ownerUserId: string | null;
  currentVersion: number;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
};

export function presentSecret(row: SecretRow) {
  return {
    id: row.id,
    key: row.key,
    description: row.description,
    environment: row.environment,
    personal: row.ownerUserId !== null,
    currentVersion: row.currentVersion,
    createdById: row.createdById,
    updatedById: row.updatedById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export type PresentedSecret = ReturnType<typeof presentSecret>;

/**
 * Secrets the caller may see: the org's shared ones and their own personal ones. Other
 * domains' credentials (scope "integration:<id>", lib/secrets/system-secrets.ts) are
 * never listed, revealed or exported here.
 */
export function visibleTo(ctx: OrgContext): Prisma.SecretWhereInput {
  return { orgId: ctx.org.id, scope: { in: [scopeOf(null), scopeOf(ctx.actor.userId)] } };
}

export function scopeOf(ownerUserId: string | null): string {
  return ownerUserId ? `user:${ownerUserId}` : "org";
}
