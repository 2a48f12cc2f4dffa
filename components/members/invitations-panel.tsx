"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { FieldError } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchInvitations, memberKeys } from "@/lib/members/queries";

/** `mailInLog`: this server prints mail to its log (single-process mode without SMTP), so say so instead of "sent". */
export function InvitationsPanel({ slug, currentRole, mailInLog = false }: { slug: string; currentRole: string; mailInLog?: boolean }) {
  const toast = useToast();
  const confirm = useConfirm();
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
      if (kind === "email") toast(mailInLog ? { title: "Invitation created", description: `No email delivery is configured: the link for ${email} is in the server log.`, variant: "info" } : { title: "Invitation sent", description: `We emailed ${email} a link to join.`, variant: "success" });
      setEmail("");
      void refresh();
    },
  });
  const resend = useMutation<{ link?: string }, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/invitations/${id}/resend`, { method: "POST" }),
    onSuccess: (result) => {
      setLink(result.link ?? null);
      if (!result.link) toast({ title: mailInLog ? "Invitation renewed; its link is in the server log" : "Invitation sent again", variant: mailInLog ? "info" : "success" });
      void refresh();
    },
  });
  const revoke = useMutation<unknown, ApiError, string>({
    mutationFn: (id) => apiFetch(`/api/v1/orgs/${slug}/invitations/${id}`, { method: "DELETE" }),
    onSuccess: () => toast({ title: "Invitation revoked", variant: "success" }),
    onSettled: refresh,
  });
  const { errors, clear } = useFieldErrors(invite.error);
  const error = resend.error ?? revoke.error;

  async function confirmRevoke(id: string, what: string) {
    if (await confirm({ title: "Revoke this invitation?", description: `${what}: its link stops working at once.`, confirmLabel: "Revoke invitation" })) revoke.mutate(id);
  }

  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate();
        }}
        noValidate
      >
        <div className="flex flex-col gap-2">
          <Label htmlFor="invite-kind">Invite by</Label>
          <select id="invite-kind" disabled={!hydrated} className="h-9 rounded-md border border-border bg-background px-2 text-sm" value={kind} onChange={(event) => {
            invite.reset();
            setKind(event.target.value as "email" | "link");
          }}>
            <option value="email">Email</option>
            <option value="link">Shareable link</option>
          </select>
        </div>
        {kind === "email" ? (
          <div className="flex min-w-64 flex-1 flex-col gap-2">
            <Label htmlFor="invite-email">Email address</Label>
            <Input
              id="invite-email"
              type="email"
              required
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "invite-email-error" : undefined}
              value={email}
              onChange={(event) => {
                clear("email");
                setEmail(event.target.value);
              }}
            />
            <FieldError id="invite-email-error" message={errors.email} />
          </div>
        ) : (
          <div className="flex min-w-64 flex-1 flex-col gap-2">
            <Label htmlFor="invite-domains">Allowed email domains</Label>
            <Input
              id="invite-domains"
              required
              placeholder="example.com, example.org"
              aria-invalid={errors.allowedDomains ? true : undefined}
              aria-describedby={errors.allowedDomains ? "invite-domains-error" : undefined}
              value={domains}
              onChange={(event) => {
                clear("allowedDomains");
                setDomains(event.target.value);
              }}
            />
            <FieldError id="invite-domains-error" message={errors.allowedDomains} />
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
      <ApiErrorAlert error={invite.error} fields={["email", "allowedDomains"]} />
      {invite.isSuccess && kind === "email" && !link && (
        <Alert variant={mailInLog ? "info" : "success"}>{mailInLog ? "Invitation created. No email delivery is configured on this server: the link is in the server log." : "Invitation sent."}</Alert>
      )}
      {link && (
        <Alert variant="success" className="flex flex-col gap-2">
          <span>Share this link; it is shown only once:</span>
          <span className="flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all" data-testid="invitation-link">
              {link}
            </code>
            <CopyButton value={link} label="Copy the invitation link" />
          </span>
        </Alert>
      )}
      {error && <Alert variant="error">{error.message}</Alert>}
      <section aria-label="Pending invitations">
        <h3 className="mb-2 text-sm font-medium">Pending</h3>
        {invitations.isPending ? <SkeletonRows rows={2} label="Loading invitations" /> : null}
        {invitations.data?.items.length === 0 && <EmptyState icon={MailPlus} title="No pending invitations" description="Invite someone by email, or create a link for addresses at your domains." />}
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
                <Button variant="ghost" size="sm" onClick={() => void confirmRevoke(invitation.id, invitation.email ?? `The link for ${invitation.allowedDomains.join(", ")}`)}>
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
