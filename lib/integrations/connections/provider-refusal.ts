// A provider's refusal of credentials, as the API answers it: 422 naming what the
// provider said (ProviderError messages are scrubbed of tokens by construction).
import "server-only";
import { AppError, Invalid } from "../../errors";
import { ProviderError } from "../outbound/errors";
import type { Provider } from "../types";

const DISPLAY: Record<Provider, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", slack: "Slack" };

export function providerName(provider: Provider): string {
  return DISPLAY[provider];
}

/** Turns a failed check into the error to throw: a ProviderError becomes 422, anything else passes through. */
export function refusalOf(provider: Provider, error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (!(error instanceof ProviderError)) return error;
  const said = error.message.startsWith(`${error.provider}: `) ? error.message.slice(error.provider.length + 2) : error.message;
  return new Invalid(`${DISPLAY[provider]} refused the connection: ${said}`, { provider, reason: error.kind });
}
