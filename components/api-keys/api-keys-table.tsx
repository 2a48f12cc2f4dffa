"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Button } from "@/components/ui/button";
import type { ApiError } from "@/lib/api-client";
import { apiKeyKeys, fetchApiKeys, revokeApiKeyRequest, type ApiKeyListItem } from "@/lib/api-keys/queries";

function when(value: string | null, fallback: string): string {
  return value ? new Date(value).toLocaleString() : fallback;
}

function status(item: ApiKeyListItem): string {
  if (item.revokedAt) return "Revoked";
  if (item.expiresAt && new Date(item.expiresAt).getTime() <= Date.now()) return "Expired";
  return "Active";
}

export function ApiKeysTable({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: apiKeyKeys.list(slug), queryFn: () => fetchApiKeys(slug) });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (keyId) => revokeApiKeyRequest(slug, keyId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list(slug) }),
  });

  return (
    <div className="flex flex-col gap-4">
      <ApiErrorAlert error={keys.error ?? revoke.error} />
      <table className="w-full text-left text-sm">
        <thead className="text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">Name</th>
            <th className="py-2 font-medium">Key</th>
            <th className="py-2 font-medium">Scopes</th>
            <th className="py-2 font-medium">Last used</th>
            <th className="py-2 font-medium">Expires</th>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {keys.data?.items.map((item) => (
            <tr key={item.id} data-testid={`api-key-${item.name}`}>
              <td className="py-2 font-medium">{item.name}</td>
              <td className="py-2">
                <code>{item.prefix}…</code>
              </td>
              <td className="py-2 text-muted-foreground">{item.scopes.join(", ")}</td>
              <td className="py-2 text-muted-foreground">{item.lastUsedAt ? `${when(item.lastUsedAt, "")}${item.lastUsedIp ? ` from ${item.lastUsedIp}` : ""}` : "Never"}</td>
              <td className="py-2 text-muted-foreground">{when(item.expiresAt, "Never")}</td>
              <td className="py-2">{status(item)}</td>
              <td className="py-2 text-right">
                {!item.revokedAt && (
                  <Button size="sm" variant="ghost" onClick={() => revoke.mutate(item.id)} disabled={revoke.isPending}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.data?.items.length === 0 && <p className="text-sm text-muted-foreground">No API keys yet.</p>}
    </div>
  );
}
