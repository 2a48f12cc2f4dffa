"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DataTable, formatSort, parseSort, Truncate, type Column } from "@/components/ui/data-table";
import { useToast } from "@/components/ui/toast";
import { useUrlState } from "@/components/ui/use-url-state";
import type { ApiError } from "@/lib/api-client";
import { apiKeyKeys, fetchApiKeys, revokeApiKeyRequest, type ApiKeyListItem } from "@/lib/api-keys/queries";
import { cn } from "@/lib/utils";

function date(value: string): string {
  return new Date(value).toLocaleDateString(undefined, { dateStyle: "medium" });
}

type Status = "Active" | "Expired" | "Revoked";

function status(item: ApiKeyListItem): Status {
  if (item.revokedAt) return "Revoked";
  if (item.expiresAt && new Date(item.expiresAt).getTime() <= Date.now()) return "Expired";
  return "Active";
}

const STATUS_STYLE: Record<Status, string> = {
  Active: "bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  Expired: "bg-amber-500/10 text-amber-700 dark:text-amber-400",
  Revoked: "bg-muted text-muted-foreground",
};

export function ApiKeysTable({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const toast = useToast();
  const [{ sort }, setUrl] = useUrlState(["sort"] as const);
  const keys = useQuery({ queryKey: apiKeyKeys.list(slug), queryFn: () => fetchApiKeys(slug) });
  const revoke = useMutation<{ apiKey: ApiKeyListItem }, ApiError, ApiKeyListItem>({
    mutationFn: (item) => revokeApiKeyRequest(slug, item.id),
    onSuccess: (_, item) => toast({ title: "Key revoked", description: `${item.name} (${item.prefix}…) no longer works.`, variant: "success" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(slug) }),
  });

  const columns: Column<ApiKeyListItem>[] = [
    {
      id: "name",
      header: "Name",
      sortValue: (item) => item.name.toLowerCase(),
      cell: (item) => (
        <div className="min-w-0">
          <Truncate text={item.name} className="font-medium" />
          <code className="text-xs text-muted-foreground">{item.prefix}…</code>
        </div>
      ),
    },
    {
      id: "scopes",
      header: "Scopes",
      width: "26%",
      cell: (item) => <Truncate text={item.scopes.join(", ")} className="text-xs text-muted-foreground" />,
    },
    {
      id: "lastUsed",
      header: "Last used",
      width: "9.5rem",
      sortValue: (item) => (item.lastUsedAt ? Date.parse(item.lastUsedAt) : 0),
      cell: (item) =>
        item.lastUsedAt ? (
          <div className="min-w-0 text-muted-foreground" title={new Date(item.lastUsedAt).toLocaleString()}>
            {date(item.lastUsedAt)}
            {item.lastUsedIp && <Truncate text={item.lastUsedIp} className="text-xs" />}
          </div>
        ) : (
          <span className="text-muted-foreground">Never</span>
        ),
    },
    {
      id: "expires",
      header: "Expires",
      width: "8rem",
      sortValue: (item) => (item.expiresAt ? Date.parse(item.expiresAt) : Number.MAX_SAFE_INTEGER),
      cell: (item) => <span className="text-muted-foreground">{item.expiresAt ? date(item.expiresAt) : "Never"}</span>,
    },
    {
      id: "status",
      header: "Status",
      width: "9rem",
      sortValue: status,
      cell: (item) => {
        const current = status(item);
        return (
          <div className="min-w-0">
            <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", STATUS_STYLE[current])}>{current}</span>
            {item.revokedAt && (
              <span className="block text-xs text-muted-foreground" title={new Date(item.revokedAt).toLocaleString()}>
                on {date(item.revokedAt)}
              </span>
            )}
          </div>
        );
      },
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: "6rem",
      align: "right",
      cell: (item) =>
        !item.revokedAt && (
          <Button
            size="sm"
            variant="ghost"
            className="text-destructive hover:text-destructive"
            aria-label={`Revoke ${item.name}`}
            disabled={revoke.isPending}
            onClick={async () => {
              const confirmed = await confirm({
                title: `Revoke ${item.name}?`,
                description: `Programs using ${item.prefix}… will get 401 from their next request. This cannot be undone.`,
                confirmLabel: "Revoke key",
                destructive: true,
              });
              if (confirmed) revoke.mutate(item);
            }}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      <ApiErrorAlert error={keys.error ?? revoke.error} />
      <DataTable
        label="API keys"
        columns={columns}
        rows={keys.data?.items}
        rowKey={(item) => item.id}
        loading={keys.isPending}
        empty="No API keys yet. Create one above to call the API from a script or CI."
        sort={parseSort(sort)}
        onSortChange={(next) => setUrl({ sort: formatSort(next) })}
        rowProps={(item) => ({ "data-testid": `api-key-${item.name}` })}
        minWidth="48rem"
      />
    </div>
  );
}
