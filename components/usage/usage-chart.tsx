// API requests per day on the shared bar chart (components/ui/chart.tsx), with the daily
// share of a quota when the plan has one.
import { BarChart } from "@/components/ui/chart";
import type { UsageDay } from "@/lib/usage/usage";

/** "Dec 5": a UTC day as the usage charts label it. */
export const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

export function UsageChart({ days, total, dailyQuota }: { days: UsageDay[]; total: number; dailyQuota?: number | null }) {
  // An empty axis says less than a sentence.
  if (total === 0) return <p className="text-sm text-muted-foreground">No API requests with this organization&apos;s API keys in the last {days.length} days.</p>;
  const max = Math.max(0, ...days.map((item) => item.count));
  return (
    <figure className="flex flex-col gap-2">
      <BarChart
        points={days.map((item) => ({ label: shortDay(item.day), value: item.count }))}
        label={`API requests per day, last ${days.length} days: ${total} in total`}
        unit="requests"
        quota={dailyQuota ? { value: dailyQuota, label: `Quota ${dailyQuota.toLocaleString("en")}/day` } : null}
      />
      <figcaption className="text-sm text-muted-foreground">
        {total.toLocaleString("en")} API request{total === 1 ? "" : "s"} in the last {days.length} days (peak {max.toLocaleString("en")} a day).
      </figcaption>
    </figure>
  );
}
