// Stripe's request encoding: application/x-www-form-urlencoded with bracketed keys
// (`metadata[orgId]=…`, `line_items[0][price]=…`, `lookup_keys[0]=…`), as the stripe SDK
// sends it. Parsed into nested objects; numeric keys make arrays.
export type FormValue = string | FormObject | FormValue[];
export type FormObject = { [key: string]: FormValue };

export function parseStripeForm(params: URLSearchParams): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of params) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: FormObject | FormValue[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const key: string | number = Array.isArray(node) ? (part === "" ? node.length : Number(part)) : part;
      const container = node as Record<string | number, FormValue>;
      if (last) container[key] = value;
      else {
        container[key] ??= /^\d*$/.test(parts[index + 1]!) ? [] : {};
        node = container[key] as FormObject | FormValue[];
      }
    });
  }
  return root;
}

export function str(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: FormValue | undefined): number | undefined {
  return typeof value === "string" && value !== "" ? Number(value) : undefined;
}

export function obj(value: FormValue | undefined): FormObject {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

export function list(value: FormValue | undefined): FormValue[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") return Object.values(value);
  return value === undefined ? [] : [value];
}
