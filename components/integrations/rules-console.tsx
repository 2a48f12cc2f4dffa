"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useConnections, useRules } from "@/lib/integrations/query-hooks";
import { RuleForm } from "./rule-form";
import { RulesTable } from "./rules-table";

/** Notification rules: the list, and for managers the form that adds one. */
export function RulesConsole({ slug, canManage }: { slug: string; canManage: boolean }) {
  const connections = useConnections(slug);
  const rules = useRules(slug);
  const error = connections.error ?? rules.error;
  const items = connections.data?.items ?? [];
  return (
    <div className="flex flex-col gap-6">
      {error && <Alert variant="error">{error.message}</Alert>}
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>New rule</CardTitle>
            <CardDescription>Chosen events are posted to a Slack channel by the background worker.</CardDescription>
          </CardHeader>
          <CardContent>{connections.data ? <RuleForm slug={slug} connections={items} /> : <p className="text-sm text-muted-foreground">Loading…</p>}</CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Rules</CardTitle>
        </CardHeader>
        <CardContent>{rules.data ? <RulesTable slug={slug} rules={rules.data.items} connections={items} canManage={canManage} /> : <p className="text-sm text-muted-foreground">Loading…</p>}</CardContent>
      </Card>
    </div>
  );
}
