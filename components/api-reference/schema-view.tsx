// A JSON Schema (the OpenAPI document's 2020-12 subset) as a readable tree: each property
// with its type, constraints and whether it is required; variants (oneOf/anyOf) listed;
// $refs into the document's components resolved. Server-rendered, no script.
import { Markdown } from "./markdown";

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  additionalProperties?: boolean | Schema;
  $ref?: string;
};

/** `#/components/schemas/Error` → that schema of the document. */
export type Resolve = (ref: string) => Schema | undefined;

/** One line for a schema's type: "string (uri, ≤ 500)", "array of string", "\"github\"". */
export function typeLabel(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  if (type === "array") return `array of ${schema.items ? typeLabel(schema.items) : "any"}`;
  return type;
}

export function constraints(schema: Schema): string[] {
  const out: string[] = [];
  if (schema.format) out.push(schema.format);
  if (schema.minLength !== undefined && schema.maxLength !== undefined) out.push(`${schema.minLength}–${schema.maxLength} chars`);
  else if (schema.maxLength !== undefined) out.push(`≤ ${schema.maxLength} chars`);
  else if (schema.minLength !== undefined) out.push(`≥ ${schema.minLength} chars`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) out.push(`≤ ${schema.maxItems} items`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

export function SchemaView({ schema, resolve, depth = 0 }: { schema: Schema; resolve: Resolve; depth?: number }) {
  const resolved = schema.$ref ? (resolve(schema.$ref) ?? schema) : schema;
  if (depth > 6) return <span className="text-muted-foreground">…</span>;
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants && !resolved.properties) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-xs text-muted-foreground">One of {variants.length} shapes:</p>
        {variants.map((variant, index) => (
          <div key={index} className="rounded-md border border-border p-2">
            <SchemaView schema={variant} resolve={resolve} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  const item = resolved.type === "array" && resolved.items ? (resolved.items.$ref ? (resolve(resolved.items.$ref) ?? resolved.items) : resolved.items) : null;
  const properties = resolved.properties ?? item?.properties;
  if (!properties) {
    return (
      <p className="font-mono text-xs">
        {typeLabel(resolved)}
        {constraints(resolved).length > 0 && <span className="text-muted-foreground"> · {constraints(resolved).join(", ")}</span>}
      </p>
    );
  }
  const required = new Set((resolved.properties ? resolved.required : item?.required) ?? []);
  return (
    <div className="flex flex-col gap-1">
      {item && <p className="text-xs text-muted-foreground">An array of:</p>}
      <ul className="divide-y divide-border rounded-md border border-border">
        {Object.entries(properties).map(([name, property]) => {
          const nested = property.$ref ? resolve(property.$ref) : property;
          const hasChildren = Boolean(nested?.properties || nested?.oneOf || nested?.anyOf || nested?.items?.properties);
          return (
            <li key={name} className="flex flex-col gap-1 px-3 py-2" data-testid="schema-property">
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                <code className="font-mono text-xs font-semibold">{name}</code>
                <span className="break-all font-mono text-xs text-muted-foreground">{typeLabel(property)}</span>
                {required.has(name) ? (
                  <span className="text-[11px] font-medium text-amber-700 dark:text-amber-400">required</span>
                ) : (
                  <span className="text-[11px] text-muted-foreground">optional</span>
                )}
                {constraints(property).length > 0 && <span className="break-all text-[11px] text-muted-foreground">{constraints(property).join(", ")}</span>}
              </div>
              {property.description && <Markdown source={property.description} className="text-xs text-muted-foreground" />}
              {hasChildren && nested && (
                <div className="pl-3">
                  <SchemaView schema={nested} resolve={resolve} depth={depth + 1} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
