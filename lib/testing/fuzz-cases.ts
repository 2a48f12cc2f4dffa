// Malformed inputs for lib/http/fuzz.test.ts, derived from an OpenAPI operation: bad path
// params, query values and JSON bodies (NUL, lone surrogates, bad percent-encoding, 1 MB
// strings, 10,000 levels of nesting, wrong types, prototype keys). Deterministic: a
// seeded generator picks which cases a run sends, so a failure reproduces.

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; oneOf?: JsonSchema[]; anyOf?: JsonSchema[]; allOf?: JsonSchema[]; enum?: unknown[]; const?: unknown; default?: unknown };
export type FuzzOperation = { parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
export type FuzzCase = { label: string; params: Record<string, string>; query: string; body?: string };

export const ONE_MB = "x".repeat(1024 * 1024);
const DEPTH = 10_000;
const DEEP_ARRAY = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(DEPTH)}null${"}".repeat(DEPTH)}`;

/** Strings as a handler receives them (Next.js has already percent-decoded path params). */
export const NASTY_STRINGS = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "%ZZ", "%", "%C0%AE", "__proto__", "constructor", "prototype", "", " ", "../../etc/passwd", "-1", "1e309", "x".repeat(10_000)];
/** Raw query-string values, some of them not valid percent-encoding at all. */
const RAW_QUERY_VALUES = ["%00", "a%00b", "%ED%A0%80", "%ZZ", "%", "%C0%AE", "__proto__", encodeURIComponent("x".repeat(10_000))];
/** Values that replace one body field: wrong types, unsafe text, huge and deep values. */
const FIELD_VALUES: (unknown | { raw: string })[] = [null, 123, -1, 1e308, true, [], {}, ...NASTY_STRINGS, ONE_MB, { raw: DEEP_ARRAY }, { raw: DEEP_OBJECT }, { raw: '{"__proto__":{"polluted":true}}' }];
/** Whole bodies, as raw text. */
const WHOLE_BODIES = ["null", "[]", '"x"', "1", "{", "{\"a\":", DEEP_ARRAY, DEEP_OBJECT, '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"prototype":{"polluted":true}}', JSON.stringify(ONE_MB), JSON.stringify({ a: "\u0000" }), '"\\ud800"'];

/** mulberry32: a tiny seeded PRNG, so the sampled cases are the same on every run with one seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample<T>(items: T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return picked;
}

function objectBranches(schema: JsonSchema): JsonSchema[] {
  const nested = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])].flatMap(objectBranches);
  return schema.properties ? [schema, ...nested] : nested;
}

/** A plausible value for a schema, so a body is wrong in exactly one field. */
function plausible(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (options.length > 0) return plausible(options[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "number" || type === "integer") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  if (type === "object") return {};
  return "x";
}

function bodyWith(skeleton: Record<string, unknown>, field: string, value: unknown): string {
  if (value && typeof value === "object" && "raw" in value) {
    return JSON.stringify({ ...skeleton, [field]: "\u0001raw\u0001" }).replace('"\\u0001raw\\u0001"', (value as { raw: string }).raw);
  }
  return JSON.stringify({ ...skeleton, [field]: value });
}

function describeValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : value && typeof value === "object" && "raw" in value ? (value as { raw: string }).raw : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 30)}…(${text.length} chars)` : text;
}

/** Every malformed case for one operation; `valid` holds well-formed path params. */
export function fuzzCases(operation: FuzzOperation, valid: Record<string, string>): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const param of operation.parameters.filter((candidate) => candidate.in === "path")) {
    for (const value of NASTY_STRINGS) cases.push({ label: `path ${param.name}=${describeValue(value)}`, params: { ...valid, [param.name]: value }, query: "" });
  }
  for (const param of operation.parameters.filter((candidate) => candidate.in === "query")) {
    for (const value of RAW_QUERY_VALUES) cases.push({ label: `query ${param.name}=${describeValue(value)}`, params: valid, query: `?${param.name}=${value}` });
    cases.push({ label: `query ${param.name} repeated`, params: valid, query: `?${param.name}=a&${param.name}=b` });
  }
  if (operation.parameters.some((candidate) => candidate.in === "query")) {
    cases.push({ label: "query prototype keys", params: valid, query: "?__proto__=x&constructor=y&prototype=z" });
  }
  // A query the operation does not declare: every operation gets it, so one without any input is still sent something hostile.
  cases.push({ label: "undeclared query", params: valid, query: "?__proto__=x&constructor=y&a=%00&b=%ZZ" });
  // Without unsafe text, so it gets past the pipeline's text check to the schemas and the handler.
  cases.push({ label: "undeclared prototype query", params: valid, query: "?__proto__=x&__proto__=y&constructor=z&prototype=w" });
  const schema = operation.requestBody?.content["application/json"]?.schema;
  if (schema) {
    for (const body of WHOLE_BODIES) cases.push({ label: `body ${describeValue({ raw: body })}`, params: valid, query: "", body });
    for (const branch of objectBranches(schema)) {
      const skeleton = Object.fromEntries(Object.entries(branch.properties!).map(([name, property]) => [name, plausible(property)]));
      for (const field of Object.keys(skeleton)) {
        for (const value of FIELD_VALUES) cases.push({ label: `body .${field}=${describeValue(value)}`, params: valid, query: "", body: bodyWith(skeleton, field, value) });
      }
    }
  }
  return cases;
}
