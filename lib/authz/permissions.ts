// Roles and permissions as data: the single source for the API, the UI, the docs and
// the tests. API-key scopes may narrow a role's set, never widen it.
export const ROLES = ["owner", "admin", "billing", "member"] as const;
export type Role = (typeof ROLES)[number];

type PermissionSpec = { description: string; roles: readonly Role[] };

export const PERMISSIONS = {
  "org:read": { description: "See the organization and its settings", roles: ["owner", "admin", "billing", "member"] },
  "org:update": { description: "Change the organization's name, slug, domains and settings", roles: ["owner", "admin"] },
  "org:delete": { description: "Delete the organization", roles: ["owner"] },
  "members:read": { description: "See members and pending invitations", roles: ["owner", "admin", "billing", "member"] },
  "members:invite": { description: "Invite people and manage invitations", roles: ["owner", "admin"] },
  "members:update": { description: "Change members' roles", roles: ["owner", "admin"] },
  "members:remove": { description: "Remove members", roles: ["owner", "admin"] },
  "sso:manage": { description: "Configure single sign-on for the organization", roles: ["owner", "admin"] },
  "secrets:read": { description: "List secrets and their history (never values)", roles: ["owner", "admin", "member"] },
  "secrets:write": { description: "Create, update, restore and delete secrets", roles: ["owner", "admin", "member"] },
  "secrets:reveal": { description: "Reveal and export secret values", roles: ["owner", "admin"] },
  "integrations:read": { description: "See integrations and their delivery log", roles: ["owner", "admin", "member"] },
  "integrations:manage": { description: "Connect, configure and disconnect integrations", roles: ["owner", "admin"] },
  "billing:read": { description: "See the plan, usage and invoices", roles: ["owner", "admin", "billing"] },
  "billing:manage": { description: "Change the plan and payment details", roles: ["owner", "billing"] },
  "audit:read": { description: "Read and export the audit log", roles: ["owner", "admin"] },
  "api-keys:manage": { description: "Create and revoke API keys", roles: ["owner", "admin"] },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ALL_PERMISSIONS.filter((permission) => (PERMISSIONS[permission].roles as readonly Role[]).includes(role)));
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/**
 * The permissions some route checks for an API-key caller (routes declared with
 * `auth: "both"`); the rest guard session-only routes, where a key is refused whatever
 * its scopes, so a key is never offered them. Kept equal to the routes on disk by
 * lib/http/authorization-matrix.test.ts.
 */
export const API_KEY_SCOPES = [
  "org:read",
  "org:update",
  "members:read",
  "secrets:read",
  "secrets:write",
  "secrets:reveal",
  "integrations:read",
  "integrations:manage",
  "billing:read",
  "audit:read",
] as const satisfies readonly Permission[];

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Scope sets the key form offers as starting points (narrowed to what the creator holds). */
export const API_KEY_PRESETS = {
  "read-only": { label: "Read-only", scopes: ["org:read", "members:read", "secrets:read", "integrations:read", "billing:read", "audit:read"] },
  "ci-deploy": { label: "CI deploy", scopes: ["org:read", "secrets:read", "secrets:reveal", "secrets:write"] },
  full: { label: "Full access", scopes: [...API_KEY_SCOPES] },
} as const satisfies Record<string, { label: string; scopes: readonly ApiKeyScope[] }>;
