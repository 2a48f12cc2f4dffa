"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
  const changeRole = useMutation<unknown, ApiError, { membershipId: string; role: string }>({
    mutationFn: ({ membershipId, role }) => apiFetch(`/api/v1/orgs/${slug}/members/${membershipId}`, { method: "PATCH", body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) }),
  });
  const remove = useMutation<unknown, ApiError, string>({
    mutationFn: (membershipId) => apiFetch(`/api/v1/orgs/${slug}/members/${membershipId}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) }),
  });
  const error = changeRole.error ?? remove.error;
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
                      onChange={(event) => changeRole.mutate({ membershipId: member.membershipId, role: event.target.value })}
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
                <td className="py-2 text-muted-foreground">{new Date(member.joinedAt).toLocaleDateString()}</td>
                <td className="py-2 text-right">
                  {canRemove && !self && !ownerOnly && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${member.email}`}
                      onClick={() => {
                        if (window.confirm(`Remove ${member.email} from this organization?`)) remove.mutate(member.membershipId);
                      }}
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
      {rows.length === 0 && !members.isFetching && <p className="text-sm text-muted-foreground">No members match.</p>}
      {members.hasNextPage && (
        <Button variant="outline" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          {members.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}
