// The plan comparison table, generated from lib/billing/plans.ts (the one file that names plans).
import { PAID_PLAN_IDS, PLANS, type PlanId } from "@/lib/billing/plans";
import { money } from "@/lib/billing/queries";

const SHOWN: PlanId[] = ["free", ...PAID_PLAN_IDS];
const amount = (value: number) => (Number.isFinite(value) ? value.toLocaleString("en") : "Unlimited");

function price(id: PlanId): string {
  const plan = PLANS[id];
  if (!plan.prices) return "Free";
  const unit = plan.pricing === "per_seat" ? " per seat" : "";
  return `${money(plan.prices.month, "usd")}${unit} / month, or ${money(plan.prices.year, "usd")}${unit} / year`;
}

export function PlanComparison({ current }: { current: string }) {
  const rows: [string, (id: PlanId) => string][] = [
    ["Price", price],
    ["Seats", (id) => amount(PLANS[id].entitlements.seats)],
    ["Secrets", (id) => amount(PLANS[id].entitlements.secrets)],
    ["Integration connections", (id) => amount(PLANS[id].entitlements.integrations)],
    ["API requests per month", (id) => amount(PLANS[id].entitlements.apiRequestsPerMonth)],
    ["API-key requests per minute", (id) => amount(PLANS[id].entitlements.rateLimits.apiKey)],
    ["Audit log retention", (id) => `${PLANS[id].entitlements.auditRetentionDays} days`],
    ["Single sign-on", (id) => (PLANS[id].entitlements.sso ? "Yes" : "No")],
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="plan-comparison">
        <thead>
          <tr>
            <th className="py-2 font-medium text-muted-foreground" />
            {SHOWN.map((id) => (
              <th key={id} className="py-2 font-medium">
                {PLANS[id].name}
                {id === current ? <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">current</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <td className="py-2 text-muted-foreground">{label}</td>
              {SHOWN.map((id) => (
                <td key={id} className="py-2">
                  {cell(id)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
