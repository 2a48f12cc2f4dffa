"use client";

import { BellRing } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DataTable, formatSort, parseSort, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useUrlState } from "@/components/ui/use-url-state";
import type { ConnectionItem, RuleItem } from "@/lib/integrations/queries";
import { useRuleChanges } from "@/lib/integrations/query-hooks";
import { channelLabel, sourceLabel } from "./rule-sources";

type RowActions = { canManage: boolean; busy: boolean; workspace: (connectionId: string) => string; toggle: (rule: RuleItem, enabled: boolean) => void; remove: (rule: RuleItem) => void };

/** The rules table's columns, in order; a new column is one more entry. */
function ruleColumns({ canManage, busy, workspace, toggle, remove }: RowActions): Column<RuleItem>[] {
  return [
    { id: "name", header: "Rule", sortValue: (rule) => rule.name.toLowerCase(), cell: (rule) => <Truncate text={rule.name} className="font-medium" /> },
    {
      id: "events",
      header: "Events",
      width: "32%",
      sortValue: (rule) => sourceLabel(rule.source),
      cell: (rule) => (
        <div className="min-w-0">
          <Truncate text={`${sourceLabel(rule.source)}${rule.resource ? ` in ${rule.resource}` : ""}`} />
          <Truncate text={rule.eventTypes.length ? rule.eventTypes.join(", ") : "every event"} className="font-mono text-xs text-muted-foreground" />
        </div>
      ),
    },
    {
      id: "channel",
      header: "Posts to",
      width: "24%",
      sortValue: (rule) => channelLabel(rule.channelName),
      cell: (rule) => (
        <div className="min-w-0">
          <Truncate text={channelLabel(rule.channelName)} />
          <Truncate text={workspace(rule.slackConnectionId)} className="text-xs text-muted-foreground" />
        </div>
      ),
    },
    {
      id: "enabled",
      header: "Enabled",
      width: "6rem",
      align: "center",
      sortValue: (rule) => (rule.enabled ? 0 : 1),
      cell: (rule) => (
        <input type="checkbox" className="size-4 accent-primary" aria-label={`Enabled: ${rule.name}`} checked={rule.enabled} disabled={!canManage || busy} onChange={(event) => toggle(rule, event.target.checked)} />
      ),
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: "6rem",
      align: "right",
      cell: (rule) =>
        canManage && (
          <Button size="sm" variant="ghost" className="text-destructive hover:text-destructive" aria-label={`Delete rule ${rule.name}`} onClick={() => remove(rule)}>
            Delete
          </Button>
        ),
    },
  ];
}

/** The org's rules; managers can switch them on and off or delete them. */
export function RulesTable({ slug, rules, connections, canManage, loading }: { slug: string; rules: RuleItem[] | undefined; connections: ConnectionItem[]; canManage: boolean; loading: boolean }) {
  const confirm = useConfirm();
  const hydrated = useHydrated();
  const [{ sort }, setUrl] = useUrlState(["sort"] as const);
  const { update, remove } = useRuleChanges(slug);
  const error = update.error ?? remove.error;
  const columns = ruleColumns({
    canManage,
    busy: !hydrated || update.isPending,
    workspace: (id) => connections.find((connection) => connection.id === id)?.name ?? "a removed Slack connection",
    toggle: (rule, enabled) => update.mutate({ ruleId: rule.id, body: { enabled } }),
    remove: async (rule) => {
      if (await confirm({ title: `Delete the rule "${rule.name}"?`, description: "Its notifications stop at once.", confirmLabel: "Delete rule" })) remove.mutate(rule.id);
    },
  });
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert variant="error">{error.message}</Alert>}
      <DataTable
        label="Notification rules"
        columns={columns}
        rows={rules}
        rowKey={(rule) => rule.id}
        loading={loading}
        sort={parseSort(sort)}
        onSortChange={(next) => setUrl({ sort: formatSort(next) })}
        rowProps={() => ({ "data-testid": "rule-row" })}
        minWidth="44rem"
        empty={
          <EmptyState
            icon={BellRing}
            className="border-0 py-4"
            title="No rules yet"
            description={canManage ? "Each rule you add posts chosen events to a Slack channel." : "An admin of this organization can add rules that post events to Slack."}
          />
        }
      />
    </div>
  );
}
