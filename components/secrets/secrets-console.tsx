"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ApiError } from "@/lib/api-client";
import { deleteSecret, exportUrl, fetchSecrets, rotateDataKey, secretKeys, undeleteSecret, type ListFilter, type SecretItem } from "@/lib/secrets/queries";
import { ImportPanel } from "./import-panel";
import { RevealValue } from "./reveal-value";
import { SecretForm } from "./secret-form";
import { VersionHistory } from "./version-history";

type Props = { slug: string; canWrite: boolean; canReveal: boolean; canRotate: boolean; revealMs?: number };
type Panel = { kind: "create" } | { kind: "edit"; secret: SecretItem } | { kind: "history"; secret: SecretItem } | { kind: "import" } | null;

export function SecretsConsole({ slug, canWrite, canReveal, canRotate, revealMs }: Props) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<ListFilter>({ search: "", environment: "", deleted: false });
  const [panel, setPanel] = useState<Panel>(null);
  const secrets = useQuery({ queryKey: secretKeys.list(slug, filter), queryFn: () => fetchSecrets(slug, filter) });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: secretKeys.all(slug) });
  const toast = useToast();
  const confirm = useConfirm();
  const remove = useMutation<unknown, ApiError, SecretItem>({
    mutationFn: (secret) => deleteSecret(slug, secret.id),
    onSuccess: (_, secret) => toast({ title: `${secret.key} deleted`, description: "It can be undeleted for 30 days (tick Deleted to see it).", variant: "success" }),
    onSettled: invalidate,
  });
  const undelete = useMutation<unknown, ApiError, SecretItem>({
    mutationFn: (secret) => undeleteSecret(slug, secret.id),
    onSuccess: (_, secret) => toast({ title: `${secret.key} restored`, variant: "success" }),
    onSettled: invalidate,
  });
  const rotate = useMutation<{ dataKeyVersion: number }, ApiError>({
    mutationFn: () => rotateDataKey(slug),
    onSuccess: ({ dataKeyVersion }) => toast({ title: "Data key rotated", description: `Data key v${dataKeyVersion} is now in use; existing values are being re-encrypted.`, variant: "success" }),
  });

  async function confirmDelete(secret: SecretItem) {
    const confirmed = await confirm({
      title: `Delete ${secret.key}?`,
      description: "Apps reading it stop getting a value at once. It can be undeleted for 30 days, then it is gone for good.",
      confirmLabel: "Delete secret",
      typedConfirmation: secret.key,
    });
    if (confirmed) remove.mutate(secret);
  }

  async function confirmRotate() {
    const confirmed = await confirm({
      title: "Rotate the data key?",
      description: "A new key encrypts this organization's secrets; existing values are re-encrypted in the background. Values stay readable throughout.",
      confirmLabel: "Rotate data key",
      destructive: false,
    });
    if (confirmed) rotate.mutate();
  }
  const error = remove.error ?? undelete.error ?? rotate.error;
  const rows = secrets.data?.items ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <form className="flex flex-1 gap-2" role="search" onSubmit={(event) => { event.preventDefault(); setFilter({ ...filter, search: query.trim() }); }}>
          <Input aria-label="Search secrets" placeholder="Search by key or description" value={query} onChange={(event) => setQuery(event.target.value)} />
          <Button type="submit" variant="outline">Search</Button>
        </form>
        <select aria-label="Environment filter" className="h-9 rounded-md border border-border bg-background px-2 text-sm" disabled={!hydrated} value={filter.environment} onChange={(event) => setFilter({ ...filter, environment: event.target.value })}>
          <option value="">All environments</option>
          <option value="development">development</option>
          <option value="staging">staging</option>
          <option value="production">production</option>
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={filter.deleted} disabled={!hydrated} onChange={(event) => setFilter({ ...filter, deleted: event.target.checked })} />
          Deleted
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        {canWrite && <Button onClick={() => setPanel({ kind: "create" })}>New secret</Button>}
        {canWrite && <Button variant="outline" onClick={() => setPanel({ kind: "import" })}>Import .env</Button>}
        {canReveal && (
          <Button variant="outline" asChild>
            <a href={exportUrl(slug, filter.environment)} download>Export .env</a>
          </Button>
        )}
        {canRotate && (
          <Button variant="ghost" disabled={rotate.isPending} onClick={() => void confirmRotate()}>
            Rotate data key
          </Button>
        )}
      </div>
      {error && <Alert variant="error">{error.message}</Alert>}
      {panel?.kind === "create" && <SecretForm slug={slug} secret={null} onDone={() => { setPanel(null); invalidate(); }} onSaved={(saved) => toast({ title: `${saved.key} saved`, description: "Version 1 is in use.", variant: "success" })} />}
      {panel?.kind === "edit" && <SecretForm key={panel.secret.id} slug={slug} secret={panel.secret} onDone={() => { setPanel(null); invalidate(); }} onSaved={(saved) => toast({ title: `${saved.key} saved`, description: `Version ${saved.currentVersion} is in use.`, variant: "success" })} />}
      {panel?.kind === "import" && <ImportPanel slug={slug} onDone={() => setPanel(null)} />}
      {panel?.kind === "history" && <VersionHistory key={panel.secret.id} slug={slug} secret={panel.secret} canWrite={canWrite} />}
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">Key</th>
            <th className="py-2 font-medium">Environment</th>
            <th className="py-2 font-medium">Version</th>
            <th className="py-2 font-medium">Value</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((secret) => (
            <tr key={secret.id} data-testid="secret-row" data-key={secret.key}>
              <td className="py-2">
                <div className="font-mono font-medium">{secret.key}{secret.personal && <span className="ml-2 rounded bg-muted px-1 text-xs">personal</span>}</div>
                <div className="text-muted-foreground">{secret.description}</div>
              </td>
              <td className="py-2">{secret.environment ?? "any"}</td>
              <td className="py-2">v{secret.currentVersion}</td>
              <td className="py-2">{canReveal && !secret.deletedAt ? <RevealValue slug={slug} secretId={secret.id} secretKey={secret.key} visibleMs={revealMs} /> : <span className="text-muted-foreground">••••••••</span>}</td>
              <td className="py-2 text-right">
                {secret.deletedAt ? (
                  canWrite && <Button size="sm" variant="outline" aria-label={`Undelete ${secret.key}`} onClick={() => undelete.mutate(secret)}>Undelete</Button>
                ) : (
                  <span className="inline-flex gap-1">
                    {canWrite && <Button size="sm" variant="ghost" aria-label={`Edit ${secret.key}`} onClick={() => setPanel({ kind: "edit", secret })}>Edit</Button>}
                    <Button size="sm" variant="ghost" aria-label={`History of ${secret.key}`} onClick={() => setPanel({ kind: "history", secret })}>History</Button>
                    {canWrite && (
                      <Button size="sm" variant="ghost" aria-label={`Delete ${secret.key}`} onClick={() => void confirmDelete(secret)}>
                        Delete
                      </Button>
                    )}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {secrets.isPending ? <SkeletonRows rows={4} label="Loading secrets" /> : null}
      {rows.length === 0 && !secrets.isFetching ? (
        filter.search || filter.environment || filter.deleted ? (
          <EmptyState icon={KeyRound} title="No secrets match these filters" action={<Button variant="outline" onClick={() => { setQuery(""); setFilter({ search: "", environment: "", deleted: false }); }}>Clear the filters</Button>} />
        ) : (
          <EmptyState icon={KeyRound} title="No secrets yet" description="Store API tokens and connection strings encrypted, per environment." action={canWrite ? <Button onClick={() => setPanel({ kind: "create" })}>New secret</Button> : undefined} />
        )
      ) : null}
    </div>
  );
}
