// A small bar chart in inline SVG (server-renderable, no library, nothing loaded from the
// network): y axis with rounded ticks and gridlines, x labels at the ends and middle, a
// tooltip per bar (native title on hover; bars are focusable and announce their value),
// and an optional dashed quota line with its label.
export type ChartPoint = { label: string; value: number };

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 40;
const BOTTOM = 22;
const TOP = 10;

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude * 4 >= value)! * magnitude;
  return step * 4;
}

function compact(value: number): string {
  return new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

export function BarChart({ points, label, unit, quota }: { points: ChartPoint[]; label: string; unit: string; quota?: { value: number; label: string } | null }) {
  const top = niceMax(Math.max(1, ...points.map((point) => point.value), quota?.value ?? 0));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const plotWidth = WIDTH - LEFT;
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(1, points.length);
  const ticks = [0, 1, 2, 3, 4].map((index) => (top / 4) * index);
  const labelled = new Set([0, Math.floor((points.length - 1) / 2), points.length - 1]);
  return (
    // The SVG scales with its width (a fixed height letterboxed it: centred on a desktop,
    // shrunk to 4px text on a phone). Below 36rem it keeps that width and scrolls in its box.
    <div className="overflow-x-auto">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full min-w-[36rem] max-w-3xl" role="img" aria-label={label} data-testid="chart">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeWidth={1} />
            <text x={LEFT - 6} y={y(tick) + 3} textAnchor="end" className="fill-muted-foreground text-[10px]">
              {compact(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const height = point.value === 0 ? 0 : Math.max(2, (point.value / top) * plotHeight);
          const text = `${point.label}: ${point.value.toLocaleString("en")} ${unit}`;
          return (
            <g key={point.label} tabIndex={0} aria-label={text} className="group outline-none">
              <title>{text}</title>
              {/* The whole column reacts to hover, not only a thin bar. */}
              <rect x={LEFT + index * slot} y={TOP} width={slot} height={plotHeight} className="fill-transparent group-hover:fill-muted/60 group-focus:fill-muted/60" />
              <rect
                data-testid="usage-bar"
                data-day={point.label}
                data-count={point.value}
                x={LEFT + index * slot + slot * 0.15}
                y={y(0) - height}
                width={Math.max(1, slot * 0.7)}
                height={height}
                rx={1.5}
                className="fill-primary/80 group-hover:fill-primary group-focus:fill-primary"
              />
              {labelled.has(index) && (
                <text x={LEFT + index * slot + slot / 2} y={HEIGHT - 6} textAnchor={index === 0 ? "start" : index === points.length - 1 ? "end" : "middle"} className="fill-muted-foreground text-[10px]">
                  {point.label}
                </text>
              )}
            </g>
          );
        })}
        {quota && (
          <g data-testid="chart-quota">
            <line x1={LEFT} x2={WIDTH} y1={y(quota.value)} y2={y(quota.value)} className="stroke-destructive" strokeDasharray="5 4" strokeWidth={1.5} />
            <text x={WIDTH - 4} y={y(quota.value) - 4} textAnchor="end" className="fill-destructive text-[10px] font-medium">
              {quota.label}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
