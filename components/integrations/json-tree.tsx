"use client";

/** A JSON value as a collapsible tree: objects and arrays are <details>, open to `openDepth`. */
export function JsonTree({ value, name, depth = 0, openDepth = 1 }: { value: unknown; name?: string; depth?: number; openDepth?: number }) {
  const label = name === undefined ? null : <span className="text-sky-800 dark:text-sky-300">{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== "object") {
    return (
      <div className="font-mono text-xs leading-5">
        {label}
        <span className={typeof value === "string" ? "break-all text-emerald-800 dark:text-emerald-300" : "text-violet-800 dark:text-violet-300"}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="font-mono text-xs leading-5">
        {label}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details open={depth < openDepth} className="font-mono text-xs leading-5">
      <summary className="cursor-pointer select-none">
        {label}
        {open}
        <span className="text-muted-foreground"> {entries.length} {Array.isArray(value) ? "items" : "keys"} </span>
        {close}
      </summary>
      <div className="ml-4 border-l border-border pl-2">
        {entries.map(([key, item]) => (
          <JsonTree key={key} name={Array.isArray(value) ? undefined : key} value={item} depth={depth + 1} openDepth={openDepth} />
        ))}
      </div>
    </details>
  );
}
