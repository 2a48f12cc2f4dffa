"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { useToast } from "@/components/ui/toast";
import type { ApiError } from "@/lib/api-client";
import { fetchVersions, restoreVersion, secretKeys, type SecretItem, type SecretVersionItem } from "@/lib/secrets/queries";

/** A secret's versions (who and when, never values), each restorable as a new version. */
export function VersionHistory({ slug, secret, canWrite }: { slug: string; secret: SecretItem; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const versions = useQuery({ queryKey: secretKeys.versions(slug, secret.id), queryFn: () => fetchVersions(slug, secret.id) });
  const restore = useMutation<unknown, ApiError, number>({
    mutationFn: (version) => restoreVersion(slug, secret.id, version),
    onSuccess: (_, version) => toast({ title: `Version ${version} restored`, description: `${secret.key} now uses its value, as a new version.`, variant: "success" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: secretKeys.all(slug) }),
  });
  const columns: Column<SecretVersionItem>[] = [
    {
      id: "version",
      header: "Version",
      cell: (item) => (
        <span className="inline-flex items-center gap-2 tabular-nums">
          Version {item.version}
          {item.current && <span className="rounded bg-muted px-1 text-xs">current</span>}
        </span>
      ),
    },
    {
      id: "created",
      header: "Created",
      width: "13rem",
      cell: (item) => (
        <time dateTime={item.createdAt} className="whitespace-nowrap text-muted-foreground">
          {new Date(item.createdAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
        </time>
      ),
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: "7rem",
      align: "right",
      cell: (item) =>
        canWrite &&
        !item.current && (
          <Button size="sm" variant="outline" aria-label={`Restore version ${item.version}`} disabled={restore.isPending} onClick={() => restore.mutate(item.version)}>
            Restore
          </Button>
        ),
    },
  ];
  return (
    <div className="flex flex-col gap-2 rounded-md border border-border p-4" aria-label={`History of ${secret.key}`} role="region">
      <h3 className="text-sm font-semibold">History of {secret.key}</h3>
      {(versions.error ?? restore.error) && <Alert variant="error">{(versions.error ?? restore.error)!.message}</Alert>}
      <DataTable
        label={`Versions of ${secret.key}`}
        columns={columns}
        rows={versions.data?.items}
        rowKey={(item) => String(item.version)}
        loading={versions.isPending && !versions.error}
        serverSorted
        rowProps={() => ({ "data-testid": "version-row" })}
        minWidth="26rem"
        empty="No versions."
      />
    </div>
  );
}
