import { cn } from "@/lib/utils";

const tones = {
  good: "border-emerald-600/30 bg-emerald-50 text-emerald-900 dark:border-emerald-400/30 dark:bg-emerald-500/10 dark:text-emerald-300",
  warn: "border-amber-500/40 bg-amber-50 text-amber-900 dark:border-amber-400/30 dark:bg-amber-500/10 dark:text-amber-300",
  bad: "border-destructive/40 bg-destructive/5 text-destructive",
  neutral: "border-border bg-muted text-muted-foreground",
} as const;

export type Tone = keyof typeof tones;

/** A short state word in a coloured pill (connection health, delivery status, audit chain). */
export function StatusBadge({ tone, children, testId }: { tone: Tone; children: string; testId?: string }) {
  return (
    <span data-testid={testId} className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium", tones[tone])}>
      {children}
    </span>
  );
}
