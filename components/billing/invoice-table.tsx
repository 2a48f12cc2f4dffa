"use client";
// The org's recent Stripe invoices on the console's one table: number, date, amount,
// status, and links to Stripe's hosted page and PDF. Stays visible after a cancellation.
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import { billingDay, money, type BillingDetails } from "@/lib/billing/queries";

type Invoice = BillingDetails["invoices"][number];

const STATUS: Record<string, { text: string; tone: Tone }> = {
  paid: { text: "Paid", tone: "good" },
  open: { text: "Open", tone: "warn" },
  draft: { text: "Draft", tone: "neutral" },
  uncollectible: { text: "Uncollectible", tone: "bad" },
  void: { text: "Void", tone: "neutral" },
};

// Amount, status and date first (as Stripe lists invoices): what a phone shows without scrolling.
const columns: Column<Invoice>[] = [
  { id: "amount", header: "Amount", width: "6rem", align: "right", cell: (invoice) => <span className="font-medium tabular-nums">{money(invoice.amountDue, invoice.currency)}</span> },
  {
    id: "status",
    header: "Status",
    width: "7rem",
    cell: (invoice) => {
      const status = STATUS[invoice.status ?? ""] ?? { text: invoice.status ?? "—", tone: "neutral" as const };
      return <StatusBadge tone={status.tone}>{status.text}</StatusBadge>;
    },
  },
  { id: "date", header: "Date", width: "7.5rem", cell: (invoice) => <span className="text-muted-foreground">{billingDay(invoice.created)}</span> },
  {
    id: "number",
    header: "Invoice",
    cell: (invoice) =>
      invoice.hostedUrl ? (
        <a className="font-mono text-xs underline underline-offset-2" href={invoice.hostedUrl} target="_blank" rel="noreferrer" title="Open the invoice on Stripe">
          {invoice.number ?? invoice.id}
        </a>
      ) : (
        <Truncate text={invoice.number ?? invoice.id} className="font-mono text-xs" />
      ),
  },
  {
    id: "pdf",
    header: "",
    label: "PDF",
    width: "4rem",
    align: "right",
    cell: (invoice) =>
      invoice.pdfUrl ? (
        <a className="underline underline-offset-2" href={invoice.pdfUrl} target="_blank" rel="noreferrer" aria-label={`Download invoice ${invoice.number ?? invoice.id} (PDF)`}>
          PDF
        </a>
      ) : null,
  },
];

export function InvoiceTable({ invoices, loading }: { invoices: Invoice[] | undefined; loading: boolean }) {
  if (!loading && invoices?.length === 0) return <p className="text-sm text-muted-foreground" data-testid="invoices-empty">No invoices yet.</p>;
  return (
    <DataTable
      label="Invoices"
      columns={columns}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      loading={loading}
      rowProps={() => ({ "data-testid": "invoice-row" })}
      minWidth="32rem"
    />
  );
}
