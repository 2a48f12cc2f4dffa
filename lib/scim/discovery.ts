// SCIM discovery (RFC 7644 section 4): what this service provider supports, its resource
// types and their schemas. IdPs read these once when the admin connects the directory.
import { appUrl } from "../env";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, MAX_PAGE_SIZE, USER_SCHEMA, listResponse, scimBaseUrl } from "./resources";

const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

export function serviceProviderConfig(slug: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    // The console's API reference, at its SCIM operations: a page every instance serves (the
    // setup guide, docs/identity.md, ships in the repository, not on the instance).
    documentationUri: `${appUrl()}/api-reference?tag=scim`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: "oauthbearertoken", name: "Bearer token", description: "The directory token shown once in the organization's SCIM settings", primary: true },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${scimBaseUrl(slug)}/ServiceProviderConfig` },
  };
}

function resourceType(slug: string, id: "User" | "Group") {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id,
    name: id,
    endpoint: `/${id}s`,
    description: id === "User" ? "Members of the organization" : "Groups, linkable to roles",
    schema: id === "User" ? USER_SCHEMA : GROUP_SCHEMA,
    ...(id === "User" ? { schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }] } : {}),
    meta: { resourceType: "ResourceType", location: `${scimBaseUrl(slug)}/ResourceTypes/${id}` },
  };
}

export function resourceTypes(slug: string) {
  return listResponse([resourceType(slug, "User"), resourceType(slug, "Group")], 2, 1);
}

type Attribute = { name: string; type: string; multiValued?: boolean; required?: boolean; caseExact?: boolean; mutability?: string; returned?: string; uniqueness?: string; subAttributes?: Attribute[] };

function attribute(name: string, type = "string", extra: Partial<Attribute> = {}): Attribute & Record<string, unknown> {
  return { name, type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...extra };
}

const SCHEMAS = [
  {
    id: USER_SCHEMA,
    name: "User",
    description: "User Account",
    attributes: [
      attribute("userName", "string", { required: true, uniqueness: "server" }),
      attribute("name", "complex", { subAttributes: ["formatted", "familyName", "givenName", "middleName"].map((name) => attribute(name)) }),
      attribute("displayName"),
      attribute("active", "boolean"),
      attribute("emails", "complex", { multiValued: true, subAttributes: [attribute("value"), attribute("type"), attribute("primary", "boolean")] }),
      attribute("externalId", "string", { caseExact: true }),
    ],
  },
  {
    id: GROUP_SCHEMA,
    name: "Group",
    description: "Group",
    attributes: [
      attribute("displayName", "string", { required: true, uniqueness: "server" }),
      attribute("members", "complex", { multiValued: true, subAttributes: [attribute("value", "string", { mutability: "immutable" }), attribute("display", "string", { mutability: "readOnly" })] }),
      attribute("externalId", "string", { caseExact: true }),
    ],
  },
  { id: ENTERPRISE_USER_SCHEMA, name: "EnterpriseUser", description: "Enterprise User", attributes: ["employeeNumber", "costCenter", "organization", "division", "department"].map((name) => attribute(name)) },
];

export function schemas(slug: string) {
  const resources = SCHEMAS.map((schema) => ({ schemas: [SCHEMA_SCHEMA], ...schema, meta: { resourceType: "Schema", location: `${scimBaseUrl(slug)}/Schemas/${schema.id}` } }));
  return { ...listResponse(resources, resources.length, 1), schemas: [LIST_SCHEMA] };
}
