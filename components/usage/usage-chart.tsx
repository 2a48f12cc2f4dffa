// Requests per day as inline SVG bars: no chart library, rendered on the server.
import type { UsageDay } from "@/lib/usage/usage";

const WIDTH = 600;
const HEIGHT = 120;

export function UsageChart({ days, total }: { days: UsageDay[]; total: number }) {
  const max = Math.max(1, ...days.map((item) => item.count));
  const slot = WIDTH / Math.max(1, days.length);
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} className="h-36 w-full" role="img" aria-label={`API requests per day, last ${days.length} days: ${total} in total`}>
        {days.map((item, index) => {
          const height = item.count === 0 ? 1 : Math.max(2, (item.count / max) * HEIGHT);
          return (
            <rect key={item.day} data-testid="usage-bar" data-day={item.day} data-count={item.count} x={index * slot + 1} y={HEIGHT - height} width={Math.max(1, slot - 2)} height={height} className="fill-primary/80">
              <title>{`${item.day}: ${item.count} request${item.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT + 14} className="fill-muted-foreground text-[10px]">
          {days[0]?.day}
        </text>
        <text x={WIDTH} y={HEIGHT + 14} textAnchor="end" className="fill-muted-foreground text-[10px]">
          {days.at(-1)?.day}
        </text>
      </svg>
      <figcaption className="text-sm text-muted-foreground">
        {total} API request{total === 1 ? "" : "s"} in the last {days.length} days (peak {max === 1 && total === 0 ? 0 : max} a day).
      </figcaption>
    </figure>
  );
}
