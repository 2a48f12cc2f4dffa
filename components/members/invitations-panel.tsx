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
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchInvitations, memberKeys, type PendingInvitation } from "@/lib/members/queries";

const invitationLabel = (invitation: PendingInvitation) => invitation.email ?? `The link for ${invitation.allowedDomains.join(", ")}`;

/** The pending invitations table's columns, in order. */
function invitationColumns(actions: { resend: (invitation: PendingInvitation) => void; revoke: (invitation: PendingInvitation) => void }): Column<PendingInvitation>[] {
  return [
    {
      id: "invitee",
      header: "Invitee",
      cell: (invitation) => (
        <div className="min-w-0">
          <Truncate text={invitation.email ?? `Link for ${invitation.allowedDomains.join(", ")}`} className="font-medium" />
          {invitation.invitedBy && <Truncate text={`invited by ${invitation.invitedBy.name ?? invitation.invitedBy.email}`} className="text-xs text-muted-foreground" />}
        </div>
      ),
    },
    { id: "role", header: "Role", width: "7rem", cell: (invitation) => <span className="capitalize">{invitation.role}</span> },
    {
      id: "expires",
      header: "Expires",
      width: "8.5rem",
      cell: (invitation) => (
        <time dateTime={invitation.expiresAt} title={new Date(invitation.expiresAt).toLocaleString()} className="whitespace-nowrap text-muted-foreground">
          {new Date(invitation.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}
        </time>
      ),
    },
    {
      id: "used",
      header: "Used",
      width: "5rem",
      align: "right",
      cell: (invitation) => <span className="tabular-nums text-muted-foreground">{invitation.kind === "link" ? `${invitation.acceptedCount}×` : "—"}</span>,
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: "11rem",
      align: "right",
      cell: (invitation) => (
        <span className="inline-flex gap-1">
          <Button variant="outline" size="sm" aria-label={`${invitation.kind === "email" ? "Resend" : "New link for"} ${invitationLabel(invitation)}`} onClick={() => actions.resend(invitation)}>
            {invitation.kind === "email" ? "Resend" : "New link"}
          </Button>
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Revoke ${invitationLabel(invitation)}`} onClick={() => actions.revoke(invitation)}>
            Revoke
          </Button>
        </span>
      ),
    },
  ];
}

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
  const error = resend.error ?? revoke.error ?? invitations.error;

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
          <select id="invite-role" disabled={!hydrated} className="h-9 rounded-md border border-border bg-background px-2 text-sm capitalize" value={role} onChange={(event) => setRole(event.target.value)}>
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
      <section aria-label="Pending invitations" className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">Pending</h3>
        <DataTable
          label="Pending invitations"
          columns={invitationColumns({
            resend: (invitation) => resend.mutate(invitation.id),
            revoke: (invitation) => void confirmRevoke(invitation.id, invitationLabel(invitation)),
          })}
          rows={invitations.data?.items}
          rowKey={(invitation) => invitation.id}
          loading={invitations.isPending && !invitations.error}
          rowProps={() => ({ "data-testid": "invitation-row" })}
          minWidth="38rem"
          empty={<EmptyState icon={MailPlus} className="border-0 py-4" title="No pending invitations" description="Invite someone by email, or create a link for addresses at your domains." />}
        />
      </section>
    </div>
  );
}
