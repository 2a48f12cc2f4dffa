"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { Input } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchMembers, memberKeys, type MembersPage } from "@/lib/members/queries";

const ROLES = ["owner", "admin", "billing", "member"] as const;

type Props = { slug: string; currentUserId: string; currentRole: string; canUpdate: boolean; canRemove: boolean; firstPage: MembersPage };

export function MembersTable({ slug, currentUserId, currentRole, canUpdate, canRemove, firstPage }: Props) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const members = useInfiniteQuery({
    queryKey: memberKeys.list(slug, search),
    queryFn: ({ pageParam }) => fetchMembers(slug, search, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    initialData: search === "" ? { pages: [firstPage], pageParams: [null] } : undefined,
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

  async function confirmRemove(membershipId: string, email: string) {
    const confirmed = await confirm({
      title: `Remove ${email}?`,
      description: "They lose access to this organization at once, and the API keys they created are revoked.",
      confirmLabel: "Remove member",
    });
    if (confirmed) remove.mutate({ membershipId, email });
  }
  const error = members.error;
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex gap-2"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(query.trim());
        }}
      >
        <Input aria-label="Search members" placeholder="Search by name or email" value={query} onChange={(event) => setQuery(event.target.value)} />
        <Button type="submit" variant="outline">
          Search
        </Button>
      </form>
      {error && <Alert variant="error">{error.message}</Alert>}
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="py-2 font-medium">Member</th>
            <th className="py-2 font-medium">Role</th>
            <th className="py-2 font-medium">MFA</th>
            <th className="py-2 font-medium">Joined</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((member) => {
            const self = member.userId === currentUserId;
            const ownerOnly = currentRole !== "owner" && member.role === "owner";
            return (
              <tr key={member.membershipId} data-testid="member-row">
                <td className="py-2">
                  <div className="font-medium">{member.name ?? member.email}</div>
                  <div className="text-muted-foreground">{member.email}</div>
                </td>
                <td className="py-2">
                  {canUpdate && !self && !ownerOnly ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      className="h-8 rounded-md border border-border bg-background px-2"
                      value={member.role}
                      disabled={changeRole.isPending || !hydrated}
                      onChange={(event) => changeRole.mutate({ membershipId: member.membershipId, email: member.email, role: event.target.value })}
                    >
                      {ROLES.filter((role) => currentRole === "owner" || role !== "owner").map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span>{member.role}</span>
                  )}
                </td>
                <td className="py-2 text-muted-foreground" data-testid="member-mfa">{member.mfaEnabled ? "Enabled" : "Not set up"}</td>
                <td className="py-2 text-muted-foreground">{new Date(member.joinedAt).toLocaleDateString()}</td>
                <td className="py-2 text-right">
                  {canRemove && !self && !ownerOnly && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${member.email}`}
                      onClick={() => void confirmRemove(member.membershipId, member.email)}
                    >
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {members.isPending ? <SkeletonRows rows={3} label="Loading members" /> : null}
      {rows.length === 0 && !members.isFetching ? (
        <EmptyState
          icon={Users}
          title={search ? `No members match “${search}”` : "No members yet"}
          action={
            search ? (
              <Button variant="outline" onClick={() => { setQuery(""); setSearch(""); }}>
                Clear the search
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {members.hasNextPage && (
        <Button variant="outline" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          {members.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
