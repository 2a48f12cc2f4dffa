"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { useToast } from "@/components/ui/toast";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/auth/field";
import { fieldErrors } from "@/components/ui/field-errors";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ApiError } from "@/lib/api-client";
import { commitImport, previewImport, secretKeys, type ImportItem } from "@/lib/secrets/queries";
import { textareaClass } from "./secret-form";

const STATUS_LABEL: Record<ImportItem["status"], string> = { new: "new", conflict: "exists", deleted_conflict: "deleted secret", invalid: "invalid" };

/** The preview's columns: each key, what the import will do with it, and why. */
function importColumns(overwrite: boolean): Column<ImportItem>[] {
  return [
    { id: "key", header: "Key", cell: (item) => <Truncate text={item.key} className="font-mono" /> },
    {
      id: "status",
      header: "Status",
      width: "9rem",
      cell: (item) => <span className={item.status === "new" ? undefined : "text-amber-700 dark:text-amber-400"}>{STATUS_LABEL[item.status]}</span>,
    },
    {
      id: "note",
      header: "Note",
      width: "40%",
      cell: (item) => {
        const note = item.reason ?? (item.status === "conflict" ? (overwrite ? "will be overwritten" : "will be skipped") : "");
        return note ? <Truncate text={note} className="text-muted-foreground" /> : null;
      },
    },
  ];
}

/** Import a .env file: paste or pick a file, preview keys and conflicts, then commit. */
export function ImportPanel({ slug, onDone }: { slug: string; onDone: () => void }) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [content, setContent] = useState("");
  const [environment, setEnvironment] = useState("");
  const [overwrite, setOverwrite] = useState(false);
  const preview = useMutation<{ items: ImportItem[] }, ApiError>({ mutationFn: () => previewImport(slug, content) });
  const commit = useMutation<{ created: string[]; updated: string[]; skipped: string[] }, ApiError>({
    mutationFn: () => commitImport(slug, { content, environment: environment.trim() || null, overwrite }),
    onSuccess: (result) => {
      toast({ title: "Import finished", description: `${result.created.length} created, ${result.updated.length} updated, ${result.skipped.length} skipped.`, variant: "success" });
      return queryClient.invalidateQueries({ queryKey: secretKeys.all(slug) });
    },
  });
  const envError = fieldErrors(commit.error).environment;
  const error = preview.error ?? (envError ? null : commit.error);

  return (
    <div className="flex flex-col gap-3 rounded-md border border-border p-4" role="region" aria-label="Import .env">
      <h3 className="text-sm font-semibold">Import a .env file</h3>
      {error && <Alert variant="error">{error.message}</Alert>}
      <input
        type="file"
        aria-label=".env file"
        accept=".env,text/plain"
        disabled={!hydrated}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) file.text().then((text) => { setContent(text); preview.reset(); });
        }}
      />
      <textarea aria-label=".env content" className={textareaClass} value={content} disabled={!hydrated} spellCheck={false} onChange={(event) => { setContent(event.target.value); preview.reset(); }} placeholder={"DATABASE_URL=postgres://…\nAPI_TOKEN=…"} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="import-environment">Environment tag</Label>
          <Input id="import-environment" className="w-48" value={environment} onChange={(event) => { commit.reset(); setEnvironment(event.target.value); }} placeholder="production" aria-invalid={envError ? true : undefined} aria-describedby={envError ? "import-environment-error" : undefined} />
          <FieldError id="import-environment-error" message={envError} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={overwrite} disabled={!hydrated} onChange={(event) => setOverwrite(event.target.checked)} />
          Overwrite existing keys (adds a version)
        </label>
        <Button variant="outline" disabled={!content || preview.isPending} onClick={() => preview.mutate()}>
          Preview
        </Button>
      </div>
      {preview.data && (
        <>
          <DataTable
            label="Import preview"
            columns={importColumns(overwrite)}
            rows={preview.data.items}
            rowKey={(item) => item.key}
            rowProps={() => ({ "data-testid": "import-row" })}
            minWidth="30rem"
            empty="No KEY=value lines found."
          />
          <div className="flex gap-2">
            <Button disabled={commit.isPending} onClick={() => commit.mutate()}>
              Import
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Close
            </Button>
          </div>
        </>
      )}
      {commit.data && (
        <Alert variant="success">
          Imported: {commit.data.created.length} created, {commit.data.updated.length} updated, {commit.data.skipped.length} skipped.
        </Alert>
      )}
    </div>
  );
}
