// A provider's refusal of credentials, as the API answers it: 422 saying what happened
// (lib/integrations/outbound/failure-message.ts; ProviderError messages are scrubbed of
// tokens by construction).
import "server-only";
import { AppError, Invalid } from "../../errors";
import { ProviderError } from "../outbound/errors";
import { describeProviderFailure } from "../outbound/failure-message";
import type { Provider } from "../types";

const DISPLAY: Record<Provider, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", slack: "Slack" };

export function providerName(provider: Provider): string {
  return DISPLAY[provider];
}

/** Turns a failed check into the error to throw: a ProviderError becomes 422, anything else passes through. */
export function refusalOf(provider: Provider, error: unknown, baseUrl: string | null = null): unknown {
  if (error instanceof AppError) return error;
  if (!(error instanceof ProviderError)) return error;
  return new Invalid(describeProviderFailure(error, { baseUrl }), { provider, reason: error.kind });
}
