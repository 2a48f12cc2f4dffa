/** The colour each HTTP method has in every API reference people know. */
const METHOD_STYLES: Record<string, string> = {
  GET: "bg-emerald-500/10 text-emerald-700 ring-emerald-600/20 dark:text-emerald-400",
  POST: "bg-sky-500/10 text-sky-700 ring-sky-600/20 dark:text-sky-400",
  PUT: "bg-violet-500/10 text-violet-700 ring-violet-600/20 dark:text-violet-400",
  PATCH: "bg-amber-500/10 text-amber-700 ring-amber-600/20 dark:text-amber-400",
  DELETE: "bg-red-500/10 text-red-700 ring-red-600/20 dark:text-red-400",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      data-testid="method-badge"
      data-method={method}
      className={`inline-flex w-16 shrink-0 justify-center rounded-md px-1.5 py-0.5 font-mono text-xs font-bold ring-1 ring-inset ${METHOD_STYLES[method] ?? "bg-muted text-foreground ring-border"}`}
    >
      {method}
    </span>
  );
}
