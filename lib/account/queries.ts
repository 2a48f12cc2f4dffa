// The account page's data in the browser: one query-key factory, typed fetchers through
// apiFetch, and mutations that refresh exactly the keys they change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api-client";
import type { AccountView, SessionView } from "./types";

export const accountKeys = {
  all: ["account"] as const,
  profile: () => [...accountKeys.all, "profile"] as const,
  sessions: () => [...accountKeys.all, "sessions"] as const,
};

export function useAccount(initialData?: AccountView) {
  return useQuery({
    queryKey: accountKeys.profile(),
    queryFn: async () => (await apiFetch<{ account: AccountView }>("/api/v1/account")).account,
    initialData,
  });
}

export function useSessions(initialData?: SessionView[]) {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: async () => (await apiFetch<{ sessions: SessionView[] }>("/api/v1/account/sessions")).sessions,
    initialData,
  });
}

export function useUpdateName() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<{ account: AccountView }>("/api/v1/account", { method: "PATCH", body: { name } }),
    onSuccess: ({ account }) => client.setQueryData(accountKeys.profile(), account),
  });
}

export function useSetTelemetryOptOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (telemetryOptOut: boolean) => apiFetch<{ account: AccountView }>("/api/v1/account", { method: "PATCH", body: { telemetryOptOut } }),
    onSuccess: ({ account }) => client.setQueryData(accountKeys.profile(), account),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword?: string; newPassword: string }) =>
      apiFetch<{ otherSessionsEnded: number }>("/api/v1/account/password", { body }),
    // hasPassword may flip, and the other sessions are gone.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: accountKeys.profile(), exact: true }),
        client.invalidateQueries({ queryKey: accountKeys.sessions(), exact: true }),
      ]),
  });
}

export function useRequestEmailChange() {
  return useMutation({
    mutationFn: (email: string) => apiFetch<{ sentTo: string }>("/api/v1/account/email", { body: { email } }),
  });
}

export function useConfirmEmailChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch<{ email: string }>("/api/v1/account/email/confirm", { body: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.profile(), exact: true }),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ revoked: boolean; current: boolean }>(`/api/v1/account/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.sessions(), exact: true }),
  });
}

export function useRevokeSessions(scope: "others" | "all") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ revoked: number }>(`/api/v1/account/sessions/revoke-${scope}`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.sessions(), exact: true }),
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (body: { confirmation: string; password?: string }) => apiFetch<{ deleted: boolean }>("/api/v1/account", { method: "DELETE", body }),
  });
}
