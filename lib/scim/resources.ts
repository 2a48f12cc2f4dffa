// SCIM representations (RFC 7643): User and Group resources, list responses and the
// query parameters every list takes (filter, startIndex, count).
import { appUrl } from "../env";
import { z } from "zod";
import { text } from "../validation/text";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** Larger pages are cut to this (advertised in ServiceProviderConfig). */
export const MAX_PAGE_SIZE = 200;

export type ScimUserRow = { id: string; userName: string; externalId: string | null; active: boolean; attributes: unknown; createdAt: Date; updatedAt: Date };
export type ScimGroupRow = { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date; members?: { id: string; userName: string }[] };

export function scimBaseUrl(slug: string): string {
  return `${appUrl()}/api/scim/v2/${encodeURIComponent(slug)}`;
}

function meta(resourceType: "User" | "Group", slug: string, row: { id: string; createdAt: Date; updatedAt: Date }) {
  return {
    resourceType,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location: `${scimBaseUrl(slug)}/${resourceType}s/${row.id}`,
    version: `W/"${row.updatedAt.getTime().toString(36)}"`,
  };
}

export function userResource(slug: string, row: ScimUserRow) {
  const attributes = (row.attributes ?? {}) as Record<string, unknown>;
  return {
    schemas: ENTERPRISE_USER_SCHEMA in attributes ? [USER_SCHEMA, ENTERPRISE_USER_SCHEMA] : [USER_SCHEMA],
    ...attributes,
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    active: row.active,
    meta: meta("User", slug, row),
  };
}

export function groupResource(slug: string, row: ScimGroupRow, options: { members: boolean } = { members: true }) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(options.members ? { members: (row.members ?? []).map((member) => ({ value: member.id, display: member.userName, $ref: `${scimBaseUrl(slug)}/Users/${member.id}` })) } : {}),
    meta: meta("Group", slug, row),
  };
}

export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** SCIM indexes are 1-based; a startIndex below 1 means 1 and a negative count means 0 (RFC 7644 section 3.4.2.4). */
export const listQuery = z.object({
  filter: text().max(1000).optional(),
  startIndex: z.coerce.number().int().catch(1).optional().transform((value) => Math.max(1, value ?? 1)),
  count: z.coerce.number().int().catch(100).optional().transform((value) => Math.min(MAX_PAGE_SIZE, Math.max(0, value ?? 100))),
  attributes: text().max(1000).optional(),
  excludedAttributes: text().max(1000).optional(),
});

export type ListQuery = z.infer<typeof listQuery>;

/** The response to send: SCIM's media type on every body. */
export function scimJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/scim+json; charset=utf-8" } });
}
