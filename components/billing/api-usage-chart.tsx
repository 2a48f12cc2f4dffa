// API requests per day of this month (the period the quota counts, UTC) on the shared bar
// chart. The quota line is its even pace (the monthly quota over the month's days): days
// above it spend the month's requests faster than they last. Days still to come are empty slots.
import { BarChart } from "@/components/ui/chart";
import { shortDay } from "@/components/usage/usage-chart";

type Day = { day: string; count: number };

/** Every day of the month of `days` (from the 1st to today), the days to come as null. */
function wholeMonth(days: Day[]): { label: string; value: number | null }[] {
  const first = new Date(`${days[0]!.day}T00:00:00Z`);
  const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return Array.from({ length }, (_, index) => {
    const day = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), index + 1)).toISOString().slice(0, 10);
    return { label: shortDay(day), value: days[index]?.count ?? null };
  });
}

export function ApiUsageChart({ days, used, monthlyQuota }: { days: Day[]; used: number; monthlyQuota: number | null }) {
  if (days.length === 0) return null;
  const included = monthlyQuota === null ? "the plan has no monthly limit" : `the plan includes ${monthlyQuota.toLocaleString("en")} a month`;
  // An empty axis says less than a sentence.
  if (days.every((day) => day.count === 0)) return <p className="text-sm text-muted-foreground" data-testid="api-usage-none">No API requests with this organization&apos;s API keys this month yet; {included}.</p>;
  const points = wholeMonth(days);
  const pace = monthlyQuota === null ? null : Math.round(monthlyQuota / points.length);
  return (
    <figure className="flex flex-col gap-2" data-testid="api-usage-chart">
      <BarChart
        points={points}
        label={`API requests per day this month: ${used.toLocaleString("en")}${monthlyQuota === null ? "" : ` of ${monthlyQuota.toLocaleString("en")}`}`}
        unit="requests"
        quota={pace === null ? null : { value: pace, label: `Quota pace ${pace.toLocaleString("en")}/day` }}
      />
      <figcaption className="text-xs text-muted-foreground" data-testid="api-usage-caption">
        {used.toLocaleString("en")} API request{used === 1 ? "" : "s"} this month
        {monthlyQuota === null
          ? "; the plan has no monthly limit."
          : ` of the ${monthlyQuota.toLocaleString("en")} a month the plan includes: ${pace!.toLocaleString("en")} a day over its ${points.length} days (the quota pace).`}
      </figcaption>
    </figure>
  );
}
