"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ApiError } from "@/lib/api-client";
import { fetchVersions, restoreVersion, secretKeys, type SecretItem } from "@/lib/secrets/queries";

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
  return (
    <div className="flex flex-col gap-2 rounded-md border border-border p-4" aria-label={`History of ${secret.key}`} role="region">
      <h3 className="text-sm font-semibold">History of {secret.key}</h3>
      {restore.error && <Alert variant="error">{restore.error.message}</Alert>}
      <ul className="divide-y divide-border text-sm">
        {versions.data?.items.map((item) => (
          <li key={item.version} className="flex items-center justify-between py-1" data-testid="version-row">
            <span>
              Version {item.version}
              {item.current && <span className="ml-2 rounded bg-muted px-1 text-xs">current</span>}
              <span className="ml-2 text-muted-foreground">{new Date(item.createdAt).toLocaleString()}</span>
            </span>
            {canWrite && !item.current && (
              <Button size="sm" variant="outline" aria-label={`Restore version ${item.version}`} disabled={restore.isPending} onClick={() => restore.mutate(item.version)}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
