"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useConnections, useRules } from "@/lib/integrations/query-hooks";
import { ProviderLogo } from "./provider-logo";
import { RuleForm } from "./rule-form";
import { RulesTable } from "./rules-table";

/** Notification rules: the list, and for managers the form that adds one. */
export function RulesConsole({ slug, canManage }: { slug: string; canManage: boolean }) {
  const connections = useConnections(slug);
  const rules = useRules(slug);
  const error = connections.error ?? rules.error;
  const items = connections.data?.items ?? [];
  const noSlack = connections.data !== undefined && !items.some((connection) => connection.provider === "slack" && connection.status === "active");
  return (
    <div className="flex flex-col gap-6">
      {error && <Alert variant="error">{error.message}</Alert>}
      {noSlack && <ConnectSlackFirst slug={slug} canManage={canManage} />}
      {canManage && !noSlack && (
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
        <CardContent>
          <RulesTable slug={slug} rules={rules.data?.items} connections={items} canManage={canManage} loading={rules.isPending && !rules.error} />
        </CardContent>
      </Card>
    </div>
  );
}

/** Rules post to Slack, so without a workspace the page's first step is connecting one. */
function ConnectSlackFirst({ slug, canManage }: { slug: string; canManage: boolean }) {
  return (
    <section data-testid="connect-slack-first" aria-labelledby="connect-slack-title" className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-border bg-background px-6 py-10 text-center">
      <ProviderLogo provider="slack" size={48} />
      <h2 id="connect-slack-title" className="text-lg font-semibold tracking-tight">
        Connect Slack first
      </h2>
      <p className="max-w-md text-sm text-muted-foreground">
        Notification rules post chosen events to a Slack channel. {canManage ? "Connect a Slack workspace, then come back to add rules." : "Ask an admin of this organization to connect a Slack workspace."}
      </p>
      {canManage && (
        <Button asChild>
          <Link href={`/orgs/${slug}/integrations?connect=slack`}>Connect Slack</Link>
        </Button>
      )}
    </section>
  );
}
