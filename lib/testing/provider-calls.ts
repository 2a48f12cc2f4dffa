// Test helpers for the provider clients: start the stand-ins with Bastion's environment
// pointed at them (modules reloaded, since lib/env caches what it read), and build a
// ProviderCall whose saveCredentials records what a refresh persisted.
import { vi } from "vitest";
import type { ConnectionRef, Credentials, Provider, ProviderCall } from "../integrations/types";
import { startProviderStandIns, type ProviderStandIns, type StandInOptions } from "./provider-stand-ins";

/** Starts the stand-ins, stubs the environment (plus `extraEnv`) and resets the module registry: import clients after this. */
export async function startStandInsForClients(options: StandInOptions = {}, extraEnv: Record<string, string> = {}): Promise<ProviderStandIns> {
  const standIns = await startProviderStandIns(options);
  for (const [name, value] of Object.entries({ ...standIns.env, ...extraEnv })) vi.stubEnv(name, value);
  vi.resetModules();
  return standIns;
}

export async function stopStandIns(standIns: ProviderStandIns | undefined): Promise<void> {
  vi.unstubAllEnvs();
  await standIns?.stop();
}

export type RecordingCall = ProviderCall & { saved: { update: Credentials; tokenExpiresAt: Date | null | undefined }[] };

export function providerCall(provider: Provider, method: string, credentials: Credentials, connection: Partial<ConnectionRef> = {}): RecordingCall {
  const saved: RecordingCall["saved"] = [];
  return {
    connection: { id: `conn_${provider}`, orgId: "org_test", provider, method, baseUrl: null, externalId: null, config: {}, tokenExpiresAt: null, ...connection },
    credentials: { ...credentials },
    saved,
    saveCredentials: async (update, tokenExpiresAt) => {
      saved.push({ update, tokenExpiresAt });
    },
  };
}

/** Follows a stand-in's authorize redirect the way the admin's browser would, returning the code and state it sends back. */
export async function approveAuthorization(authorizeUrl: string): Promise<{ code: string; state: string | null; redirectedTo: URL }> {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}`);
  const redirectedTo = new URL(location);
  return { code: redirectedTo.searchParams.get("code") ?? "", state: redirectedTo.searchParams.get("state"), redirectedTo };
}
