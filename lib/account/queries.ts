// The account page's data in the browser: one query-key factory, typed fetchers through
// apiFetch, and mutations that refresh exactly the keys they change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api-client";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import type { AccountView, MfaStatusView, PasskeyView, SessionView } from "./types";

export const accountKeys = {
  all: ["account"] as const,
  profile: () => [...accountKeys.all, "profile"] as const,
  sessions: () => [...accountKeys.all, "sessions"] as const,
  mfa: () => [...accountKeys.all, "mfa"] as const,
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

export function useMfaStatus(initialData?: MfaStatusView) {
  return useQuery({
    queryKey: accountKeys.mfa(),
    queryFn: async () => (await apiFetch<{ mfa: MfaStatusView }>("/api/v1/account/mfa")).mfa,
    initialData,
  });
}

/** Re-authentication for factor changes: the current password, absent for password-less accounts. */
export type Reauth = { password?: string };

export function useStartTotp() {
  return useMutation({
    mutationFn: (body: Reauth) => apiFetch<{ secret: string; uri: string; qrSvg: string }>("/api/v1/account/mfa/totp", { body }),
  });
}

export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiFetch<{ recoveryCodes: string[] | null }>("/api/v1/account/mfa/totp/confirm", { body: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}

export function useDisableTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Reauth) => apiFetch<{ totp: false }>("/api/v1/account/mfa/totp", { method: "DELETE", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Reauth) => apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/mfa/recovery-codes", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}

/**
 * Adds a passkey: options after re-authentication, the browser's own dialog
 * (navigator.credentials.create through @simplewebauthn/browser), then registration.
 */
export function useAddPasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, ...reauth }: Reauth & { name: string }) => {
      const { options } = await apiFetch<{ options: PublicKeyCredentialCreationOptionsJSON }>("/api/v1/account/mfa/passkeys/options", { body: reauth });
      const response = await startRegistration({ optionsJSON: options });
      return apiFetch<{ passkey: PasskeyView; recoveryCodes: string[] | null }>("/api/v1/account/mfa/passkeys", { body: { name, response } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}

export function useRenamePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiFetch<{ passkey: PasskeyView }>(`/api/v1/account/mfa/passkeys/${encodeURIComponent(id)}`, { method: "PATCH", body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}

export function useRemovePasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...reauth }: Reauth & { id: string }) => apiFetch<{ removed: true }>(`/api/v1/account/mfa/passkeys/${encodeURIComponent(id)}`, { method: "DELETE", body: reauth }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.mfa(), exact: true }),
  });
}
