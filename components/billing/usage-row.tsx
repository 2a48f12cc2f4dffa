// One use-against-limit line: a bar, the numbers, and a warning from 80 % of the limit.
type Use = { used: number; limit: number | null };

export function UsageRow({ label, use, testId }: { label: string; use: Use; testId: string }) {
  const share = use.limit ? Math.min(1, use.used / use.limit) : 0;
  const level = share >= 1 ? "bg-destructive" : share >= 0.8 ? "bg-destructive/60" : "bg-primary";
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid={testId}>
      <div className="flex justify-between">
        <span>{label}</span>
        <span className="text-muted-foreground">
          {use.used.toLocaleString("en")} / {use.limit === null ? "unlimited" : use.limit.toLocaleString("en")}
        </span>
      </div>
      {use.limit !== null ? (
        <div className="h-1.5 rounded bg-muted" aria-hidden>
          <div className={`h-1.5 rounded ${level}`} style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      ) : null}
      {share >= 1 ? <p className="text-xs text-destructive">Limit reached: creating more is refused until you upgrade or use drops.</p> : share >= 0.8 ? <p className="text-xs text-amber-700 dark:text-amber-400">Over 80 % of the limit.</p> : null}
    </div>
  );
}
