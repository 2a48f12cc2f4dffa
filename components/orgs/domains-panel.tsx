"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchDomains, orgKeys } from "@/lib/orgs/queries";

export function DomainsPanel({ slug, canUpdate }: { slug: string; canUpdate: boolean }) {
  const queryClient = useQueryClient();
  const [domain, setDomain] = useState("");
  const domains = useQuery({ queryKey: orgKeys.domains(slug), queryFn: () => fetchDomains(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.domains(slug) });
  const add = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/domains`, { body: { domain } }),
    onSuccess: () => {
      setDomain("");
      void refresh();
    },
  });
  const verify = useMutation<unknown, ApiError, string>({ mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/domains/${id}/verify`, { method: "POST" }), onSettled: refresh });
  const remove = useMutation<unknown, ApiError, string>({ mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/domains/${id}`, { method: "DELETE" }), onSettled: refresh });
  const error = add.error ?? verify.error ?? remove.error;

  return (
    <div className="flex flex-col gap-4">
      {canUpdate && (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Input aria-label="Domain" placeholder="example.com" value={domain} onChange={(event) => setDomain(event.target.value)} required />
          <Button type="submit" variant="outline" disabled={add.isPending}>
            Add domain
          </Button>
        </form>
      )}
      {error && <Alert variant="error">{error.message}</Alert>}
      <ul className="divide-y divide-border text-sm">
        {domains.data?.items.map((item) => (
          <li key={item.id} className="flex flex-col gap-2 py-3">
            <div className="flex items-center justify-between">
              <span className="font-medium">{item.domain}</span>
              <span className="flex items-center gap-2">
                <span className={item.verifiedAt ? "text-emerald-700 dark:text-emerald-400" : "text-muted-foreground"}>{item.verifiedAt ? "Verified" : "Not verified"}</span>
                {canUpdate && !item.verifiedAt && (
                  <Button size="sm" variant="outline" onClick={() => verify.mutate(item.id)} disabled={verify.isPending}>
                    Verify
                  </Button>
                )}
                {canUpdate && (
                  <Button size="sm" variant="ghost" onClick={() => remove.mutate(item.id)}>
                    Remove
                  </Button>
                )}
              </span>
            </div>
            {!item.verifiedAt && (
              <p className="text-muted-foreground">
                Add a TXT record <code className="text-foreground">{item.record.name}</code> with the value{" "}
                <code className="break-all text-foreground">{item.record.value}</code>, then press Verify.
              </p>
            )}
          </li>
        ))}
      </ul>
      {domains.data?.items.length === 0 && <p className="text-sm text-muted-foreground">No domains yet.</p>}
    </div>
  );
}
