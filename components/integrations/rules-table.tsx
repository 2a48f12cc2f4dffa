"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ConnectionItem, RuleItem } from "@/lib/integrations/queries";
import { useRuleChanges } from "@/lib/integrations/query-hooks";
import { channelLabel, sourceLabel } from "./rule-sources";

/** The org's rules; managers can switch them on and off or delete them. */
export function RulesTable({ slug, rules, connections, canManage }: { slug: string; rules: RuleItem[]; connections: ConnectionItem[]; canManage: boolean }) {
  const confirm = useConfirm();
  const hydrated = useHydrated();
  const { update, remove } = useRuleChanges(slug);
  const error = update.error ?? remove.error;
  const workspace = (id: string) => connections.find((connection) => connection.id === id)?.name ?? "a removed Slack connection";
  if (rules.length === 0) return <p className="text-sm text-muted-foreground">No rules yet.</p>;
  return (
    <div className="flex flex-col gap-2">
      {error && <Alert variant="error">{error.message}</Alert>}
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">Rule</th>
            <th className="py-2 font-medium">Events</th>
            <th className="py-2 font-medium">Posts to</th>
            <th className="py-2 font-medium">Enabled</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rules.map((rule) => (
            <tr key={rule.id} data-testid="rule-row">
              <td className="py-2 font-medium">{rule.name}</td>
              <td className="py-2">
                <div>{sourceLabel(rule.source)}{rule.resource && <span className="text-muted-foreground"> in {rule.resource}</span>}</div>
                <div className="font-mono text-xs text-muted-foreground">{rule.eventTypes.length ? rule.eventTypes.join(", ") : "every event"}</div>
              </td>
              <td className="py-2">
                {channelLabel(rule.channelName)}
                <div className="text-xs text-muted-foreground">{workspace(rule.slackConnectionId)}</div>
              </td>
              <td className="py-2">
                <input
                  type="checkbox"
                  aria-label={`Enabled: ${rule.name}`}
                  checked={rule.enabled}
                  disabled={!canManage || !hydrated || update.isPending}
                  onChange={(event) => update.mutate({ ruleId: rule.id, body: { enabled: event.target.checked } })}
                />
              </td>
              <td className="py-2 text-right">
                {canManage && (
                  <Button size="sm" variant="ghost" aria-label={`Delete rule ${rule.name}`} onClick={async () => { if (await confirm({ title: `Delete the rule "${rule.name}"?`, description: "Its notifications stop at once.", confirmLabel: "Delete rule" })) remove.mutate(rule.id); }}>
                    Delete
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
