// Connecting with credentials an admin pastes (tokens, API keys, a GitHub App
// installation id): the provider is asked first, and only credentials it accepts are
// stored. OAuth methods and Slack go through the OAuth start and callback instead.
import "server-only";
import type { OrgContext } from "../../context";
import { providerClients } from "../providers/clients";
import type { Credentials } from "../types";
import { pendingProviderCall } from "./credentials";
import { refusalOf } from "./provider-refusal";
import type { ConnectInput } from "./schemas";
import { newConnectionId, storeConnection } from "./store";

/** The Secret rows a method's credentials become (names the adapters read). */
export function credentialsOf(input: ConnectInput): Credentials {
  switch (input.method) {
    case "app":
      // The App's private key stays in the environment; installation tokens are minted on use.
      return {};
    case "api_key":
      return input.provider === "jira" ? { EMAIL: input.email, API_TOKEN: input.token } : { API_TOKEN: input.token };
    case "token":
      return { API_TOKEN: input.token };
  }
}

export async function connectWithCredentials(ctx: OrgContext, input: ConnectInput) {
  const id = newConnectionId();
  const baseUrl = "baseUrl" in input && input.baseUrl ? input.baseUrl : null;
  const externalId = input.method === "app" ? input.installationId : null;
  const config: Record<string, unknown> = input.provider === "jira" ? { deployment: input.method === "api_key" ? "cloud" : "data_center" } : {};
  const credentials = credentialsOf(input);
  const call = pendingProviderCall({ id, orgId: ctx.org.id, provider: input.provider, method: input.method, baseUrl, externalId, config }, credentials);

  // Before any transaction: a network call must not hold a database connection.
  const checked = await providerClients[input.provider].check(call).catch((error: unknown) => {
    throw refusalOf(input.provider, error, baseUrl);
  });

  return storeConnection(ctx, {
    id,
    provider: input.provider,
    method: input.method,
    name: input.name ?? checked.name,
    baseUrl,
    // An installation is known by the id it was connected with; others by what the provider says.
    externalId: externalId ?? checked.externalId,
    config: { ...config, ...checked.config },
    tokenExpiresAt: checked.tokenExpiresAt ?? call.tokenExpiresAt ?? null,
    credentials: call.credentials,
  });
}
