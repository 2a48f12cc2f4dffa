"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchInvitations, memberKeys } from "@/lib/members/queries";

export function InvitationsPanel({ slug, currentRole }: { slug: string; currentRole: string }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [kind, setKind] = useState<"email" | "link">("email");
  const [email, setEmail] = useState("");
  const [domains, setDomains] = useState("");
  const [role, setRole] = useState("member");
  const [link, setLink] = useState<string | null>(null);
  const invitations = useQuery({ queryKey: memberKeys.invitations(slug), queryFn: () => fetchInvitations(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations(slug) });

  const invite = useMutation<{ link?: string }, ApiError>({
    mutationFn: () =>
      apiFetch(`/api/v1/orgs/${slug}/invitations`, {
        body: kind === "email" ? { kind, email, role } : { kind, role, allowedDomains: domains.split(/[\s,]+/).filter(Boolean) },
      }),
    onSuccess: (created) => {
      setLink(created.link ?? null);
      setEmail("");
      void refresh();
    },
  });
  const resend = useMutation<{ link?: string }, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/invitations/${id}/resend`, { method: "POST" }),
    onSuccess: (result) => {
      setLink(result.link ?? null);
      void refresh();
    },
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/invitations/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const error = invite.error ?? resend.error ?? revoke.error;

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate();
        }}
      >
        <div className="flex flex-col gap-2">
          <Label htmlFor="invite-kind">Invite by</Label>
          <select id="invite-kind" disabled={!hydrated} className="h-9 rounded-md border border-border bg-background px-2 text-sm" value={kind} onChange={(event) => setKind(event.target.value as "email" | "link")}>
            <option value="email">Email</option>
            <option value="link">Shareable link</option>
          </select>
        </div>
        {kind === "email" ? (
          <div className="flex min-w-64 flex-1 flex-col gap-2">
            <Label htmlFor="invite-email">Email address</Label>
            <Input id="invite-email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
          </div>
        ) : (
          <div className="flex min-w-64 flex-1 flex-col gap-2">
            <Label htmlFor="invite-domains">Allowed email domains</Label>
            <Input id="invite-domains" required placeholder="example.com, example.org" value={domains} onChange={(event) => setDomains(event.target.value)} />
          </div>
        )}
        <div className="flex flex-col gap-2">
          <Label htmlFor="invite-role">Role</Label>
          <select id="invite-role" disabled={!hydrated} className="h-9 rounded-md border border-border bg-background px-2 text-sm" value={role} onChange={(event) => setRole(event.target.value)}>
            {["member", "billing", "admin", ...(currentRole === "owner" ? ["owner"] : [])].map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={invite.isPending}>
          {kind === "email" ? "Send invitation" : "Create link"}
        </Button>
      </form>
      {invite.isSuccess && kind === "email" && !link && <Alert variant="success">Invitation sent.</Alert>}
      {link && (
        <Alert variant="success">
          Share this link (shown once): <code className="break-all" data-testid="invitation-link">{link}</code>
        </Alert>
      )}
      {error && <Alert variant="error">{error.message}</Alert>}
      <section aria-label="Pending invitations">
        <h3 className="mb-2 text-sm font-medium">Pending</h3>
        {invitations.data?.items.length === 0 && <p className="text-sm text-muted-foreground">No pending invitations.</p>}
        <ul className="divide-y divide-border text-sm">
          {invitations.data?.items.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2" data-testid="invitation-row">
              <span className="min-w-0 break-words">
                <span className="font-medium">{invitation.email ?? `Link for ${invitation.allowedDomains.join(", ")}`}</span>
                <span className="ml-2 text-muted-foreground">
                  {invitation.role} · expires {new Date(invitation.expiresAt).toLocaleDateString()}
                  {invitation.kind === "link" ? ` · used ${invitation.acceptedCount}×` : ""}
                </span>
              </span>
              <span className="flex gap-2">
                <Button variant="outline" size="sm" onClick={() => resend.mutate(invitation.id)}>
                  {invitation.kind === "email" ? "Resend" : "New link"}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => revoke.mutate(invitation.id)}>
                  Revoke
                </Button>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
