"use client";
// The plan comparison table, generated from lib/billing/plans.ts (the one file that names
// plans), on the console's one table: a row per entitlement, a column per plan.
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PAID_PLAN_IDS, PLANS, type PlanId } from "@/lib/billing/plans";
import { money } from "@/lib/billing/queries";

const SHOWN: PlanId[] = ["free", ...PAID_PLAN_IDS];
const amount = (value: number) => (Number.isFinite(value) ? value.toLocaleString("en") : "Unlimited");

function Price({ id }: { id: PlanId }) {
  const plan = PLANS[id];
  if (!plan.prices) return <>Free</>;
  const unit = plan.pricing === "per_seat" ? " per seat" : "";
  return (
    <span className="flex flex-col">
      <span className="font-medium">
        {money(plan.prices.month, "usd")}
        {unit} / month
      </span>
      <span className="text-xs text-muted-foreground">or {money(plan.prices.year, "usd")} / year</span>
    </span>
  );
}

type Row = { label: string; cell: (id: PlanId) => React.ReactNode };

const ROWS: Row[] = [
  { label: "Price", cell: (id) => <Price id={id} /> },
  { label: "Seats", cell: (id) => amount(PLANS[id].entitlements.seats) },
  { label: "Secrets", cell: (id) => amount(PLANS[id].entitlements.secrets) },
  { label: "Integration connections", cell: (id) => amount(PLANS[id].entitlements.integrations) },
  { label: "API requests per month", cell: (id) => amount(PLANS[id].entitlements.apiRequestsPerMonth) },
  { label: "API-key requests per minute", cell: (id) => amount(PLANS[id].entitlements.rateLimits.apiKey) },
  { label: "Audit log retention", cell: (id) => `${PLANS[id].entitlements.auditRetentionDays.toLocaleString("en")} days` },
  { label: "Single sign-on", cell: (id) => (PLANS[id].entitlements.sso ? "Yes" : "No") },
];

export function PlanComparison({ current }: { current: string }) {
  const columns: Column<Row>[] = [
    { id: "feature", header: "", label: "Limit", width: "9.5rem", className: "text-muted-foreground", cell: (row) => row.label },
    ...SHOWN.map(
      (id): Column<Row> => ({
        id,
        header: (
          <span className="inline-flex items-center gap-2">
            {PLANS[id].name}
            {id === current ? <span className="rounded bg-background px-1.5 py-0.5 text-[10px] normal-case tracking-normal text-foreground ring-1 ring-border">Current</span> : null}
          </span>
        ),
        // Every column has a width: on a phone the table scrolls in its box, and the
        // plans stay equally wide rather than sized by their longest price.
        width: "8.5rem",
        className: id === current ? "bg-muted/40" : undefined,
        cell: (row) => row.cell(id),
      }),
    ),
  ];
  return (
    <div data-testid="plan-comparison">
      <DataTable label="Plans" columns={columns} rows={ROWS} rowKey={(row) => row.label} minWidth="35rem" />
    </div>
  );
}

export function PlansCard({ current }: { current: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Plans</CardTitle>
      </CardHeader>
      <CardContent>
        <PlanComparison current={current} />
      </CardContent>
    </Card>
  );
}
