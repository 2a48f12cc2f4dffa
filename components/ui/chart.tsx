// A small bar chart (server-renderable, no library, nothing loaded from the network): y
// axis with rounded ticks and gridlines, x labels at the ends and middle, a tooltip per
// bar (native title on hover; bars are focusable and announce their value), and an
// optional dashed quota line with its label. A quota far above the data (over four times
// the peak) is not drawn to scale, which would flatten every bar: its label sits at the
// top edge with an arrow instead.
//
// The bars and lines are an SVG stretched to the box (preserveAspectRatio="none",
// strokes that do not scale); every text is HTML placed by percentage. A viewBox scaled
// as a whole would shrink the labels to half their size on a phone.
export type ChartPoint = {
  label: string;
  /** null: a slot with nothing to show yet (a day of the period still to come). */
  value: number | null;
};

const PLOT = 100; // the SVG's height in its own units; x runs one unit per point

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
  const values = points.map((point) => point.value ?? 0);
  const peak = Math.max(0, ...values);
  const quotaOnScale = quota ? quota.value <= Math.max(4, peak * 4) : false;
  const top = niceMax(Math.max(1, peak, quota && quotaOnScale ? quota.value : 0));
  const slots = Math.max(1, points.length);
  const y = (value: number) => PLOT - (value / top) * PLOT;
  const ticks = [0, 1, 2, 3, 4].map((index) => (top / 4) * index);
  const labelled = new Set([0, Math.floor((points.length - 1) / 2), points.length - 1]);
  return (
    <div role="group" aria-label={label} data-testid="chart" className="flex flex-col gap-1 text-[11px] leading-none text-muted-foreground">
      <div className={quota ? "flex h-52 pt-6" : "flex h-48 pt-2"}>
        <div className="relative w-10 shrink-0" aria-hidden>
          {ticks.map((tick) => (
            <span key={tick} className="absolute right-2 -translate-y-1/2 tabular-nums" style={{ top: `${y(tick)}%` }}>
              {compact(tick)}
            </span>
          ))}
        </div>
        <div className="relative flex-1">
          <svg viewBox={`0 0 ${slots} ${PLOT}`} preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
            {ticks.map((tick) => (
              <line key={tick} x1={0} x2={slots} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ))}
            {points.map((point, index) => {
              if (point.value === null) return null;
              const height = point.value === 0 ? 0 : Math.max(1.5, (point.value / top) * PLOT);
              const text = `${point.label}: ${point.value.toLocaleString("en")} ${unit}`;
              return (
                <g key={point.label} tabIndex={0} role="img" aria-label={text} className="group outline-none">
                  <title>{text}</title>
                  {/* The whole column reacts to hover, not only a thin bar. */}
                  <rect x={index} y={0} width={1} height={PLOT} className="fill-transparent group-hover:fill-muted group-focus:fill-muted" />
                  <rect
                    data-testid="usage-bar"
                    data-day={point.label}
                    data-count={point.value}
                    x={index + 0.15}
                    y={PLOT - height}
                    width={0.7}
                    height={height}
                    className="fill-primary/80 group-hover:fill-primary group-focus:fill-primary"
                  />
                </g>
              );
            })}
            {quota && quotaOnScale && (
              <line
                data-testid="chart-quota"
                data-value={quota.value}
                x1={0}
                x2={slots}
                y1={y(quota.value)}
                y2={y(quota.value)}
                className="stroke-destructive"
                strokeDasharray="5 4"
                strokeWidth={1.5}
                vectorEffect="non-scaling-stroke"
              />
            )}
          </svg>
          {quota && quotaOnScale && (
            <span className="absolute right-0 -translate-y-full rounded bg-background/85 px-1 py-0.5 font-medium text-destructive" style={{ top: `${y(quota.value)}%` }} data-testid="chart-quota-label">
              {quota.label}
            </span>
          )}
          {quota && !quotaOnScale && (
            <span className="absolute right-0 top-0 -translate-y-full rounded bg-background/85 px-1 py-0.5 font-medium text-destructive" data-testid="chart-quota-label" data-off-scale="">
              <span aria-hidden>↑ </span>
              {quota.label}
              <span className="sr-only"> (above this chart&apos;s scale)</span>
            </span>
          )}
        </div>
      </div>
      <div className="relative ml-10 h-4" aria-hidden>
        {points.map((point, index) =>
          labelled.has(index) ? (
            <span
              key={point.label}
              className={index === 0 ? "absolute left-0" : index === points.length - 1 ? "absolute right-0" : "absolute -translate-x-1/2"}
              style={index === 0 || index === points.length - 1 ? undefined : { left: `${((index + 0.5) / slots) * 100}%` }}
            >
              {point.label}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}
