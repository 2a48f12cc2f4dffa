"use client";

import { Check, Minus } from "lucide-react";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ALL_PERMISSIONS, PERMISSIONS, ROLES, type Permission } from "@/lib/authz/permissions";

/** One column per role: whether it holds the row's permission. */
const roleColumns: Column<Permission>[] = ROLES.map((role) => ({
  id: role,
  header: <span className="capitalize">{role}</span>,
  width: "5.5rem",
  align: "center",
  cell: (permission) => {
    const held = (PERMISSIONS[permission].roles as readonly string[]).includes(role);
    return (
      <span role="img" aria-label={`${role} ${held ? "may" : "may not"} ${permission}`} className="inline-flex justify-center">
        {held ? <Check aria-hidden className="size-4 text-emerald-600 dark:text-emerald-400" /> : <Minus aria-hidden className="size-4 text-muted-foreground/60" />}
      </span>
    );
  },
}));

const columns: Column<Permission>[] = [
  {
    id: "permission",
    header: "Permission",
    cell: (permission) => (
      <div className="min-w-0">
        <code className="text-xs font-medium">{permission}</code>
        <div className="text-muted-foreground">{PERMISSIONS[permission].description}</div>
      </div>
    ),
  },
  ...roleColumns,
];

/** The permission table, rendered from the same data the API enforces. */
export function RolesTable() {
  return <DataTable label="Permissions by role" columns={columns} rows={ALL_PERMISSIONS} rowKey={(permission) => permission} rowProps={(permission) => ({ "data-testid": "permission-row", "data-permission": permission })} minWidth="36rem" />;
}
