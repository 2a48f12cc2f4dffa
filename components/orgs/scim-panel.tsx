"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, Truncate, type Column } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ApiError } from "@/lib/api-client";
import { deleteScimDirectoryRequest, fetchScimOverview, issueScimTokenRequest, linkScimGroupRequest, scimKeys, type ScimOverview } from "@/lib/scim/queries";

const LINKABLE = ["admin", "billing", "member"] as const;
type ScimGroup = ScimOverview["groups"][number];

/** SCIM provisioning: endpoint, token (shown once), last sync, pushed groups linked to roles, recent events. */
export function ScimPanel({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: scimKeys.overview(slug), queryFn: () => fetchScimOverview(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: scimKeys.overview(slug) });
  const confirm = useConfirm();
  const issue = useMutation<{ token: string }, ApiError>({ mutationFn: () => issueScimTokenRequest(slug), onSuccess: () => void refresh() });
  const disconnect = useMutation<unknown, ApiError>({ mutationFn: () => deleteScimDirectoryRequest(slug), onSuccess: () => (issue.reset(), void refresh()) });
  const link = useMutation<unknown, ApiError, { groupId: string; role: ScimGroup["role"] }>({
    mutationFn: ({ groupId, role }) => linkScimGroupRequest(slug, groupId, role),
    onSuccess: refresh,
  });
  const data = overview.data;
  const directory = data?.directory;
  const disconnectConfirmed = async () => {
    const confirmed = await confirm({
      title: "Disconnect SCIM?",
      description: "The token stops working at once. Provisioned members and groups stay as they are.",
      confirmLabel: "Disconnect",
    });
    if (confirmed) disconnect.mutate();
  };
  // Rotating ends the current token at once: the IdP fails until it has the new one.
  const issueConfirmed = async () => {
    if (directory && !(await confirm({ title: "Rotate the SCIM token?", description: "The current token stops working at once. Paste the new one into your identity provider.", confirmLabel: "Rotate token" }))) return;
    issue.mutate();
  };
  const groupColumns: Column<ScimGroup>[] = [
    { id: "group", header: "Group", cell: (group) => <Truncate text={group.displayName} /> },
    { id: "members", header: "Members", width: "7rem", align: "right", cell: (group) => group.members },
    {
      id: "role",
      header: "Role",
      width: "11rem",
      cell: (group) => (
        <select
          aria-label={`Role of group ${group.displayName}`}
          className="h-8 w-full rounded-md border border-border bg-background px-2"
          value={group.role ?? ""}
          disabled={link.isPending}
          onChange={(event) => link.mutate({ groupId: group.id, role: (event.target.value || null) as ScimGroup["role"] })}
        >
          <option value="">Not linked</option>
          {LINKABLE.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-6" data-testid="scim-panel">
      <ApiErrorAlert error={overview.error ?? issue.error ?? disconnect.error ?? link.error} />
      <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-muted-foreground">SCIM base URL</dt>
        <dd>
          <code data-testid="scim-endpoint" className="break-all text-foreground">
            {data?.endpoint ?? "…"}
          </code>
        </dd>
        <dt className="text-muted-foreground">Token</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {directory ? <code>{directory.tokenPrefix}…</code> : <StatusBadge tone="neutral">Not connected</StatusBadge>}
          {directory && <span className="text-muted-foreground">issued {new Date(directory.tokenIssuedAt).toLocaleString()}</span>}
        </dd>
        <dt className="text-muted-foreground">Last sync</dt>
        <dd data-testid="scim-last-sync">{directory?.lastSyncAt ? new Date(directory.lastSyncAt).toLocaleString() : "Never"}</dd>
        <dt className="text-muted-foreground">Provisioned users</dt>
        <dd>
          {data?.users.active ?? 0} active, {data?.users.inactive ?? 0} deactivated
        </dd>
      </dl>

      {issue.data && (
        <Alert variant="success">
          <p className="font-medium">Copy this token into your identity provider now: it will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-scim-token" className="break-all rounded bg-muted px-2 py-1 text-foreground">
              {issue.data.token}
            </code>
            <CopyButton value={issue.data.token} label="Copy SCIM token" />
          </div>
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => void issueConfirmed()} disabled={issue.isPending}>
          {directory ? "Rotate token" : "Create SCIM token"}
        </Button>
        {directory && (
          <Button type="button" variant="ghost" onClick={() => void disconnectConfirmed()}>
            Disconnect
          </Button>
        )}
      </div>

      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">Groups and roles</h3>
        <p className="text-sm text-muted-foreground">Members of a linked group get its role; in several linked groups, the highest wins (admin, then billing, then member). Owners are never changed.</p>
        <DataTable
          label="Groups pushed by your identity provider"
          columns={groupColumns}
          rows={data?.groups}
          rowKey={(group) => group.id}
          loading={overview.isPending}
          empty="No groups pushed yet."
          minWidth="28rem"
        />
      </section>

      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">Recent provisioning events</h3>
        {data && data.events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing provisioned yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="scim-events">
            {data?.events.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-2">
                <span className="text-muted-foreground">{new Date(event.createdAt).toLocaleString()}</span>
                <code>{event.action}</code>
                {typeof event.metadata?.userName === "string" && <span>{event.metadata.userName}</span>}
                {typeof event.metadata?.displayName === "string" && <span>{event.metadata.displayName}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
