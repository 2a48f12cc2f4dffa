// SCIM filters, parsed by scim2-parse-filter. The ones IdPs send on every sync
// (`userName eq`, `externalId eq`, `displayName eq`) become database conditions; any
// other valid filter (`emails[type eq "work"].value eq …`, `and`, `co`, …) is evaluated
// by the library on the org's resources.
import { filter as compile, parse, type Filter } from "scim2-parse-filter";
import { ScimError } from "./errors";

type Compiled = { where: Record<string, string>; test?: (resource: object) => boolean };

/** Database columns for `<attribute> eq "value"`, per resource type; userName is case-insensitive. */
const COLUMNS: Record<"User" | "Group", Record<string, (value: string) => Record<string, string>>> = {
  User: { username: (value) => ({ userNameKey: value.toLowerCase() }), externalid: (value) => ({ externalId: value }) },
  Group: { displayname: (value) => ({ displayName: value }), externalid: (value) => ({ externalId: value }) },
};

export function compileFilter(expression: string | undefined, resourceType: "User" | "Group"): Compiled {
  if (!expression?.trim()) return { where: {} };
  let ast: Filter;
  try {
    ast = parse(expression);
  } catch {
    throw new ScimError(400, "The filter is not a valid SCIM filter", "invalidFilter");
  }
  if (ast.op === "eq" && "compValue" in ast && typeof ast.compValue === "string") {
    // Own keys only: `__proto__ eq "x"` must not find Object.prototype's members.
    const columns = COLUMNS[resourceType];
    const name = ast.attrPath.toLowerCase();
    if (Object.hasOwn(columns, name)) return { where: columns[name]!(ast.compValue) };
  }
  return { where: {}, test: compile(ast) };
}
