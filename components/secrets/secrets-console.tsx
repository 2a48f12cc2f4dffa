"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DataTable, formatSort, parseSort, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useUrlState } from "@/components/ui/use-url-state";
import type { ApiError } from "@/lib/api-client";
import { deleteSecret, exportUrl, fetchSecrets, rotateDataKey, secretKeys, undeleteSecret, type ListFilter, type SecretItem } from "@/lib/secrets/queries";
import { ImportPanel } from "./import-panel";
import { RevealValue } from "./reveal-value";
import { SecretForm } from "./secret-form";
import { VersionHistory } from "./version-history";

const ENVIRONMENTS = ["development", "staging", "production"] as const;

type RowActions = { slug: string; canWrite: boolean; canReveal: boolean; revealMs?: number; edit: (secret: SecretItem) => void; history: (secret: SecretItem) => void; remove: (secret: SecretItem) => void; undelete: (secret: SecretItem) => void };

/** The secrets table's columns, in order; a new column is one more entry. */
function secretColumns({ slug, canWrite, canReveal, revealMs, edit, history, remove, undelete }: RowActions): Column<SecretItem>[] {
  return [
    {
      id: "key",
      header: "Key",
      sortValue: (secret) => secret.key,
      cell: (secret) => (
        <div className="min-w-0">
          <div className="flex min-w-0 items-center gap-2">
            <Truncate text={secret.key} className="font-mono font-medium" />
            {secret.personal && <span className="shrink-0 rounded bg-muted px-1 text-xs">personal</span>}
          </div>
          {secret.description && <Truncate text={secret.description} className="text-xs text-muted-foreground" />}
        </div>
      ),
    },
    { id: "environment", header: "Environment", width: "9rem", sortValue: (secret) => secret.environment ?? "", cell: (secret) => <span className={secret.environment ? undefined : "text-muted-foreground"}>{secret.environment ?? "any"}</span> },
    { id: "version", header: "Version", width: "6rem", sortValue: (secret) => secret.currentVersion, cell: (secret) => <span className="tabular-nums">v{secret.currentVersion}</span> },
    {
      id: "updated",
      header: "Updated",
      width: "8.5rem",
      sortValue: (secret) => Date.parse(secret.updatedAt),
      cell: (secret) => (
        <time dateTime={secret.updatedAt} title={new Date(secret.updatedAt).toLocaleString()} className="whitespace-nowrap text-muted-foreground">
          {new Date(secret.updatedAt).toLocaleDateString(undefined, { dateStyle: "medium" })}
        </time>
      ),
    },
    {
      id: "value",
      header: "Value",
      width: "12rem",
      cell: (secret) => (canReveal && !secret.deletedAt ? <RevealValue slug={slug} secretId={secret.id} secretKey={secret.key} visibleMs={revealMs} /> : <span className="text-muted-foreground">••••••••</span>),
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      // Edit, History and Delete side by side, never clipped.
      width: "15rem",
      align: "right",
      cell: (secret) =>
        secret.deletedAt ? (
          canWrite && (
            <Button size="sm" variant="outline" aria-label={`Undelete ${secret.key}`} onClick={() => undelete(secret)}>
              Undelete
            </Button>
          )
        ) : (
          <span className="inline-flex gap-1">
            {canWrite && (
              <Button size="sm" variant="ghost" aria-label={`Edit ${secret.key}`} onClick={() => edit(secret)}>
                Edit
              </Button>
            )}
            <Button size="sm" variant="ghost" aria-label={`History of ${secret.key}`} onClick={() => history(secret)}>
              History
            </Button>
            {canWrite && (
              <Button size="sm" variant="ghost" className="text-destructive hover:text-destructive" aria-label={`Delete ${secret.key}`} onClick={() => remove(secret)}>
                Delete
              </Button>
            )}
          </span>
        ),
    },
  ];
}

type Props = { slug: string; canWrite: boolean; canReveal: boolean; canRotate: boolean; revealMs?: number };
type Panel = { kind: "create" } | { kind: "edit"; secret: SecretItem } | { kind: "history"; secret: SecretItem } | { kind: "import" } | null;

export function SecretsConsole({ slug, canWrite, canReveal, canRotate, revealMs }: Props) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  // Search, filters and sort live in the URL (?q=&env=&deleted=1&sort=), so a filtered view can be linked and reloaded.
  const [url, setUrl] = useUrlState(["q", "env", "deleted", "sort"] as const);
  const filter: ListFilter = { search: url.q, environment: (ENVIRONMENTS as readonly string[]).includes(url.env) ? url.env : "", deleted: url.deleted === "1" };
  const [query, setQuery] = useState(url.q);
  // Back/forward changes the URL's search: the box follows it.
  const [shownSearch, setShownSearch] = useState(url.q);
  if (shownSearch !== url.q) {
    setShownSearch(url.q);
    setQuery(url.q);
  }
  const setFilter = (next: ListFilter) => setUrl({ q: next.search, env: next.environment, deleted: next.deleted ? "1" : "" });
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
  const error = secrets.error ?? remove.error ?? undelete.error ?? rotate.error;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <form className="flex min-w-64 flex-1 gap-2" role="search" onSubmit={(event) => { event.preventDefault(); setFilter({ ...filter, search: query.trim() }); }}>
          <Input aria-label="Search secrets" type="search" placeholder="Search by key or description" value={query} onChange={(event) => setQuery(event.target.value)} />
          <Button type="submit" variant="outline">Search</Button>
        </form>
        <select aria-label="Environment filter" className="h-9 rounded-md border border-border bg-background px-2 text-sm" disabled={!hydrated} value={filter.environment} onChange={(event) => setFilter({ ...filter, environment: event.target.value })}>
          <option value="">All environments</option>
          {ENVIRONMENTS.map((environment) => (
            <option key={environment} value={environment}>
              {environment}
            </option>
          ))}
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
      <DataTable
        label="Secrets"
        columns={secretColumns({
          slug,
          canWrite,
          canReveal,
          revealMs,
          edit: (secret) => setPanel({ kind: "edit", secret }),
          history: (secret) => setPanel({ kind: "history", secret }),
          remove: (secret) => void confirmDelete(secret),
          undelete: (secret) => undelete.mutate(secret),
        })}
        rows={secrets.data?.items}
        rowKey={(secret) => secret.id}
        loading={secrets.isPending && !secrets.error}
        sort={parseSort(url.sort)}
        onSortChange={(next) => setUrl({ sort: formatSort(next) })}
        rowProps={(secret) => ({ "data-testid": "secret-row", "data-key": secret.key })}
        minWidth="56rem"
        empty={
          filter.search || filter.environment || filter.deleted ? (
            <EmptyState
              icon={KeyRound}
              className="border-0 py-4"
              title={filter.deleted ? "No deleted secrets match these filters" : "No secrets match these filters"}
              action={
                <Button
                  variant="outline"
                  onClick={() => {
                    setQuery("");
                    setFilter({ search: "", environment: "", deleted: false });
                  }}
                >
                  Clear the filters
                </Button>
              }
            />
          ) : (
            <EmptyState icon={KeyRound} className="border-0 py-4" title="No secrets yet" description="Store API tokens and connection strings encrypted, per environment." action={canWrite ? <Button onClick={() => setPanel({ kind: "create" })}>New secret</Button> : undefined} />
          )
        }
      />
    </div>
  );
}
