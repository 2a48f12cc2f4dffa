"use client";

// The console's one table: fixed column widths (a long value never shifts the layout),
// truncation with the full text on hover and on keyboard focus, client-side sorting by
// column (state in the URL when the caller passes it), skeleton rows while loading, an
// empty state, "Load more" for the API's keyset cursors, an optional detail row under a
// row (a delivery's payload), and a horizontal scroll inside its own box on narrow screens
// instead of a page-wide one. Columns are an array of objects, so a console adds one by
// appending to its list.
import { Fragment, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type SortDirection = "asc" | "desc";
export type SortState = { column: string; direction: SortDirection } | null;

export type Column<T> = {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable; the value rows are ordered by. */
  sortValue?: (row: T) => string | number | null;
  /** A CSS width ("12rem", "20%"); columns without one share what is left. */
  width?: string;
  align?: "left" | "center" | "right";
  /** Header text for screen readers when `header` is empty (action columns). */
  label?: string;
  className?: string;
};

/** Parses "column" / "-column" (descending) from a URL parameter. */
export function parseSort(value: string | null | undefined): SortState {
  if (!value) return null;
  return value.startsWith("-") ? { column: value.slice(1), direction: "desc" } : { column: value, direction: "asc" };
}

export function formatSort(sort: SortState): string {
  return sort ? `${sort.direction === "desc" ? "-" : ""}${sort.column}` : "";
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

export function sortRows<T>(rows: T[], columns: Column<T>[], sort: SortState): T[] {
  const column = sort && columns.find((candidate) => candidate.id === sort.column && candidate.sortValue);
  if (!sort || !column?.sortValue) return rows;
  const factor = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => factor * compare(column.sortValue!(a), column.sortValue!(b)));
}

/** A cell's text cut to the column's width; the whole text on hover (title) and on focus. */
export function Truncate({ text, className, children }: { text: string; className?: string; children?: ReactNode }) {
  return (
    <span
      title={text}
      tabIndex={0}
      className={cn(
        "block max-w-full truncate rounded-sm focus:relative focus:z-10 focus:overflow-visible focus:whitespace-normal focus:break-all focus:bg-background focus:outline-none focus:ring-2 focus:ring-ring",
        className,
      )}
    >
      {children ?? text}
    </span>
  );
}

type Props<T> = {
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  loading?: boolean;
  empty?: ReactNode;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  /** Rows are already in order (the server sorts): sorting headers only report changes. */
  serverSorted?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  onRowClick?: (row: T) => void;
  rowProps?: (row: T) => Record<string, string | undefined>;
  /** Content of a full-width row shown under `row` (null: none), e.g. an opened payload. */
  detail?: (row: T) => ReactNode;
  /** Below this width the table scrolls inside its box (default 40rem). */
  minWidth?: string;
};

export function DataTable<T>({ columns, rows, rowKey, label, loading, empty, sort = null, onSortChange, serverSorted, hasMore, loadingMore, onLoadMore, onRowClick, rowProps, detail, minWidth = "40rem" }: Props<T>) {
  // Sorting a client-side page of a longer list would pretend the first rows are the
  // smallest: headers sort only once every row is loaded (or when the server sorts).
  const sortable = Boolean(onSortChange) && (serverSorted || !hasMore);
  const shown = rows && !serverSorted && sortable ? sortRows(rows, columns, sort) : (rows ?? []);
  const alignClass = (column: Column<T>) => (column.align === "right" ? "text-right" : column.align === "center" ? "text-center" : undefined);
  const toggle = (column: Column<T>) => {
    if (!onSortChange) return;
    if (sort?.column !== column.id) onSortChange({ column: column.id, direction: "asc" });
    else if (sort.direction === "asc") onSortChange({ column: column.id, direction: "desc" });
    else onSortChange(null);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-lg border border-border" data-testid="data-table">
        {/* relative: the header's sr-only labels are absolutely placed and would otherwise widen the page on a phone. */}
        <div className="relative overflow-x-auto">
          <table className="w-full table-fixed border-collapse text-sm" style={{ minWidth }} aria-label={label} aria-busy={loading || undefined}>
            <colgroup>
              {columns.map((column) => (
                <col key={column.id} style={column.width ? { width: column.width } : undefined} />
              ))}
            </colgroup>
            <thead className="bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                {columns.map((column) => {
                  const active = sortable && sort?.column === column.id ? sort.direction : null;
                  return (
                    <th
                      key={column.id}
                      scope="col"
                      aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : column.sortValue && sortable ? "none" : undefined}
                      className={cn("h-10 px-3 font-medium", alignClass(column))}
                    >
                      {column.sortValue && sortable ? (
                        <button
                          type="button"
                          onClick={() => toggle(column)}
                          className={cn("-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", active && "text-foreground")}
                        >
                          {column.header}
                          <span aria-hidden className="w-3 text-[10px]">
                            {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : column.header === "" || column.header === null ? (
                        <span className="sr-only">{column.label}</span>
                      ) : (
                        column.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {loading && shown.length === 0
                ? Array.from({ length: 4 }, (_, index) => (
                    <tr key={`skeleton-${index}`} data-testid="data-table-skeleton">
                      {columns.map((column) => (
                        <td key={column.id} className="h-12 px-3">
                          <div className="h-3 w-3/4 animate-pulse rounded bg-muted" />
                        </td>
                      ))}
                    </tr>
                  ))
                : shown.map((row) => {
                    const below = detail?.(row);
                    return (
                      <Fragment key={rowKey(row)}>
                        <tr
                          {...rowProps?.(row)}
                          onClick={onRowClick ? () => onRowClick(row) : undefined}
                          className={cn("transition-colors hover:bg-muted/40", onRowClick && "cursor-pointer")}
                        >
                          {columns.map((column) => (
                            <td key={column.id} className={cn("h-12 overflow-hidden px-3 py-2 align-middle", alignClass(column), column.className)}>
                              {column.cell(row)}
                            </td>
                          ))}
                        </tr>
                        {below ? (
                          <tr className="bg-muted/20">
                            <td colSpan={columns.length} className="px-3 pb-3 pt-1">
                              <div className="min-w-0 overflow-x-auto">{below}</div>
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
            </tbody>
          </table>
        </div>
        {/* Under the scrolling table, not in it: on a phone the message stays in view, centred. */}
        {!loading && shown.length === 0 && (
          <div className="border-t border-border px-3 py-8 text-center text-sm text-muted-foreground" data-testid="data-table-empty">
            {empty ?? "Nothing here yet."}
          </div>
        )}
      </div>
      {hasMore && onLoadMore && (
        <div className="flex justify-center">
          <Button variant="outline" size="sm" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
