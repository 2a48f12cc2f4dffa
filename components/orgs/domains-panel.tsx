"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Globe } from "lucide-react";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { FieldError } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchDomains, orgKeys } from "@/lib/orgs/queries";

type Domain = { id: string; domain: string };

export function DomainsPanel({ slug, canUpdate }: { slug: string; canUpdate: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [domain, setDomain] = useState("");
  const domains = useQuery({ queryKey: orgKeys.domains(slug), queryFn: () => fetchDomains(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.domains(slug) });
  const add = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/domains`, { body: { domain } }),
    onSuccess: () => {
      toast({ title: `${domain.trim().toLowerCase()} added`, description: "Add its TXT record, then press Verify.", variant: "success" });
      setDomain("");
      void refresh();
    },
  });
  const verify = useMutation<unknown, ApiError, Domain>({
    mutationFn: (item) => apiFetch(`/api/v1/orgs/${slug}/domains/${item.id}/verify`, { method: "POST" }),
    onSuccess: (_, item) => toast({ title: `${item.domain} verified`, variant: "success" }),
    onError: (error, item) => toast({ title: `${item.domain} is not verified yet`, description: error.message, variant: "error" }),
    onSettled: refresh,
  });
  const remove = useMutation<unknown, ApiError, Domain>({
    mutationFn: (item) => apiFetch(`/api/v1/orgs/${slug}/domains/${item.id}`, { method: "DELETE" }),
    onSuccess: (_, item) => toast({ title: `${item.domain} removed`, variant: "success" }),
    onError: (error, item) => toast({ title: `${item.domain} was not removed`, description: error.message, variant: "error" }),
    onSettled: refresh,
  });
  const { errors, clear } = useFieldErrors(add.error);

  async function confirmRemove(item: Domain) {
    const confirmed = await confirm({
      title: `Remove ${item.domain}?`,
      description: "Link invitations and SSO enforcement stop relying on it. You can add it again, but it has to be verified again.",
      confirmLabel: "Remove domain",
    });
    if (confirmed) remove.mutate(item);
  }

  return (
    <div className="flex flex-col gap-4">
      {canUpdate && (
        <form
          className="flex flex-col gap-1.5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <div className="flex gap-2">
            <Input
              id="domain"
              aria-label="Domain"
              placeholder="example.com"
              aria-invalid={errors.domain ? true : undefined}
              aria-describedby={errors.domain ? "domain-error" : undefined}
              className={errors.domain ? "border-destructive focus-visible:ring-destructive" : undefined}
              value={domain}
              onChange={(event) => {
                clear("domain");
                setDomain(event.target.value);
              }}
              required
            />
            <Button type="submit" variant="outline" disabled={add.isPending}>
              Add domain
            </Button>
          </div>
          <FieldError id="domain-error" message={errors.domain} />
          <ApiErrorAlert error={add.error} fields={["domain"]} />
        </form>
      )}
      {domains.isPending ? <SkeletonRows rows={2} label="Loading domains" /> : null}
      {domains.error ? <ApiErrorAlert error={domains.error} /> : null}
      {domains.data?.items.length === 0 ? (
        <EmptyState icon={Globe} title="No domains yet" description="Add a domain your organization owns to limit link invitations to it and to require SSO for its addresses." />
      ) : null}
      {domains.data && domains.data.items.length > 0 ? (
        <ul className="divide-y divide-border text-sm">
          {domains.data.items.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="break-all font-medium">{item.domain}</span>
                <span className="flex items-center gap-2">
                  <span className={item.verifiedAt ? "text-emerald-700 dark:text-emerald-400" : "text-muted-foreground"}>{item.verifiedAt ? "Verified" : "Not verified"}</span>
                  {canUpdate && !item.verifiedAt && (
                    <Button size="sm" variant="outline" onClick={() => verify.mutate(item)} disabled={verify.isPending}>
                      {verify.isPending && verify.variables?.id === item.id ? "Checking…" : "Verify"}
                    </Button>
                  )}
                  {canUpdate && (
                    <Button size="sm" variant="ghost" aria-label={`Remove ${item.domain}`} onClick={() => void confirmRemove(item)}>
                      Remove
                    </Button>
                  )}
                </span>
              </div>
              {!item.verifiedAt && (
                <div className="flex flex-col gap-2 rounded-md bg-muted px-3 py-2 text-muted-foreground">
                  <p>Add this TXT record at your DNS provider, then press Verify:</p>
                  <div className="flex items-center gap-2">
                    <code className="min-w-0 flex-1 break-all text-foreground">{item.record.name}</code>
                    <CopyButton value={item.record.name} label={`Copy the record name for ${item.domain}`} />
                  </div>
                  <div className="flex items-center gap-2">
                    <code className="min-w-0 flex-1 break-all text-foreground">{item.record.value}</code>
                    <CopyButton value={item.record.value} label={`Copy the record value for ${item.domain}`} />
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
