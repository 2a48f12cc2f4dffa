// The product events, and the only properties they may carry: ids. Never emails,
// names or slugs: a property is dropped unless its key ends in "Id" and its value looks
// like one of our ids.
export const PRODUCT_EVENTS = ["org created", "member invited", "secret created", "integration connected", "plan changed", "payment failed", "seats changed", "quota refused"] as const;
export type ProductEvent = (typeof PRODUCT_EVENTS)[number];

export type TrackIds = { userId: string; orgId?: string } & { [key: `${string}Id`]: string | undefined };
/** An org's own events (billing): no person acts, the org is the subject. Enum values (plan, limit) travel as ids. */
export type OrgTrackIds = { orgId: string } & { [key: `${string}Id`]: string | undefined };

const ID_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

export function idsOnly(ids: TrackIds | OrgTrackIds): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ids).filter((entry): entry is [string, string] => /Id$/.test(entry[0]) && typeof entry[1] === "string" && ID_VALUE.test(entry[1])),
  );
}
