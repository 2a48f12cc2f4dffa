"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DataTable, formatSort, parseSort, Truncate, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useUrlState } from "@/components/ui/use-url-state";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchMembers, memberKeys, type MemberItem, type MembersPage } from "@/lib/members/queries";

const ROLES = ["owner", "admin", "billing", "member"] as const;

type Props = { slug: string; currentUserId: string; currentRole: string; canUpdate: boolean; canRemove: boolean; firstPage: MembersPage; firstPageQuery: string };

type Actions = {
  /** The viewer may change this member's role / remove them (not themselves, owners only by owners). */
  mayManage: (member: MemberItem) => boolean;
  canUpdate: boolean;
  canRemove: boolean;
  currentRole: string;
  busy: boolean;
  changeRole: (member: MemberItem, role: string) => void;
  remove: (member: MemberItem) => void;
};

/** The members table's columns, in order; a new column is one more entry. */
function memberColumns(actions: Actions): Column<MemberItem>[] {
  return [
    {
      id: "member",
      header: "Member",
      sortValue: (member) => (member.name ?? member.email).toLowerCase(),
      cell: (member) => (
        <div className="min-w-0">
          <Truncate text={member.name ?? member.email} className="font-medium" />
          <Truncate text={member.email} className="text-xs text-muted-foreground" />
        </div>
      ),
    },
    {
      id: "role",
      header: "Role",
      width: "9.5rem",
      sortValue: (member) => ROLES.indexOf(member.role as (typeof ROLES)[number]),
      cell: (member) =>
        actions.canUpdate && actions.mayManage(member) ? (
          <select
            aria-label={`Role of ${member.email}`}
            className="h-8 w-full max-w-32 rounded-md border border-border bg-background px-2 capitalize"
            value={member.role}
            disabled={actions.busy}
            onChange={(event) => actions.changeRole(member, event.target.value)}
          >
            {ROLES.filter((role) => actions.currentRole === "owner" || role !== "owner").map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        ) : (
          <span className="capitalize">{member.role}</span>
        ),
    },
    {
      id: "mfa",
      header: "MFA",
      width: "7.5rem",
      sortValue: (member) => (member.mfaEnabled ? 1 : 0),
      cell: (member) => (
        <span data-testid="member-mfa" className={member.mfaEnabled ? "" : "text-muted-foreground"}>
          {member.mfaEnabled ? "Enabled" : "Not set up"}
        </span>
      ),
    },
    {
      id: "joined",
      header: "Joined",
      width: "8.5rem",
      sortValue: (member) => Date.parse(member.joinedAt),
      cell: (member) => (
        <time dateTime={member.joinedAt} title={new Date(member.joinedAt).toLocaleString()} className="whitespace-nowrap text-muted-foreground">
          {new Date(member.joinedAt).toLocaleDateString(undefined, { dateStyle: "medium" })}
        </time>
      ),
    },
    {
      id: "actions",
      header: "",
      label: "Actions",
      width: "6.5rem",
      align: "right",
      cell: (member) =>
        actions.canRemove &&
        actions.mayManage(member) && (
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" aria-label={`Remove ${member.email}`} onClick={() => actions.remove(member)}>
            Remove
          </Button>
        ),
    },
  ];
}

export function MembersTable({ slug, currentUserId, currentRole, canUpdate, canRemove, firstPage, firstPageQuery }: Props) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  // The search and sort live in the URL, so a searched list can be linked, reloaded and gone back to.
  const [{ q: search, sort }, setUrl] = useUrlState(["q", "sort"] as const);
  const [draft, setDraft] = useState(search);
  // Back/forward changes the URL's search: the box follows it.
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setDraft(search);
  }
  const members = useInfiniteQuery({
    queryKey: memberKeys.list(slug, search),
    queryFn: ({ pageParam }) => fetchMembers(slug, search, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // The server rendered the first page for the search in the URL it was asked for.
    initialData: search === firstPageQuery ? { pages: [firstPage], pageParams: [null] } : undefined,
  });
  const toast = useToast();
  const confirm = useConfirm();
  const listKey = memberKeys.list(slug, search);
  type Cached = typeof members.data;
  // Optimistic: the new role shows at once; a refusal puts the old one back and says why.
  const changeRole = useMutation<unknown, ApiError, { membershipId: string; email: string; role: string }, { previous: Cached }>({
    mutationFn: ({ membershipId, role }) => apiFetch(`/api/v1/orgs/${slug}/members/${membershipId}`, { method: "PATCH", body: { role } }),
    onMutate: async ({ membershipId, role }) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData<Cached>(listKey);
      queryClient.setQueryData<Cached>(listKey, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.membershipId === membershipId ? { ...item, role } : item)) })) } : data,
      );
      return { previous };
    },
    onSuccess: (_, { email, role }) => toast({ title: "Role changed", description: `${email} is now ${role === "admin" || role === "owner" ? "an" : "a"} ${role}.`, variant: "success" }),
    onError: (error, { email }, context) => {
      queryClient.setQueryData(listKey, context?.previous);
      toast({ title: `The role of ${email} was not changed`, description: error.message, variant: "error" });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) }),
  });
  const remove = useMutation<unknown, ApiError, { membershipId: string; email: string }>({
    mutationFn: ({ membershipId }) => apiFetch(`/api/v1/orgs/${slug}/members/${membershipId}`, { method: "DELETE" }),
    onSuccess: (_, { email }) => toast({ title: `${email} removed`, description: "Their access ends on their next request.", variant: "success" }),
    onError: (error, { email }) => toast({ title: `${email} was not removed`, description: error.message, variant: "error" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) }),
  });

  async function confirmRemove(member: MemberItem) {
    const confirmed = await confirm({
      title: `Remove ${member.email}?`,
      description: "They lose access to this organization at once, and the API keys they created are revoked.",
      confirmLabel: "Remove member",
    });
    if (confirmed) remove.mutate({ membershipId: member.membershipId, email: member.email });
  }
  const columns = memberColumns({
    mayManage: (member) => member.userId !== currentUserId && !(currentRole !== "owner" && member.role === "owner"),
    canUpdate,
    canRemove,
    currentRole,
    busy: changeRole.isPending || !hydrated,
    changeRole: (member, role) => changeRole.mutate({ membershipId: member.membershipId, email: member.email, role }),
    remove: (member) => void confirmRemove(member),
  });
  const clearSearch = () => {
    setDraft("");
    setUrl({ q: "" });
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex gap-2"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setUrl({ q: draft.trim() });
        }}
      >
        <Input aria-label="Search members" type="search" placeholder="Search by name or email" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      {members.error && <Alert variant="error">{members.error.message}</Alert>}
      <DataTable
        label="Members"
        columns={columns}
        rows={members.data?.pages.flatMap((page) => page.items)}
        rowKey={(member) => member.membershipId}
        loading={members.isPending && !members.error}
        sort={parseSort(sort)}
        onSortChange={(next) => setUrl({ sort: formatSort(next) })}
        hasMore={members.hasNextPage}
        loadingMore={members.isFetchingNextPage}
        onLoadMore={() => void members.fetchNextPage()}
        rowProps={() => ({ "data-testid": "member-row" })}
        minWidth="34rem"
        empty={
          <EmptyState
            icon={Users}
            className="border-0 py-4"
            title={search ? `No members match “${search}”` : "No members yet"}
            action={
              search ? (
                <Button variant="outline" onClick={clearSearch}>
                  Clear the search
                </Button>
              ) : undefined
            }
          />
        }
      />
    </div>
  );
}
