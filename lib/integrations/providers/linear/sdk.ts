// Linear's typed SDK (LinearSdk: queries, models, pagination) over our own GraphQL
// transport: LinearClient's built-in one calls the global fetch with no timeout or
// retries, while LinearSdk takes any request function. Queries go to LINEAR_API_URL +
// "/graphql" through the outbound policy's fetch.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { LinearSdk } from "@linear/sdk";
import { env } from "../../../env";
import { kindForStatus, ProviderError, type ProviderErrorKind } from "../../outbound/errors";
import { policyFetch } from "../../outbound/fetch";

type GraphQLError = { message?: string; extensions?: { type?: string; code?: string } };
type GraphQLAnswer = { data?: Record<string, unknown> | null; errors?: GraphQLError[] };

/** An API key goes bare in Authorization; an OAuth access token as Bearer. */
export type LinearAuth = { apiKey: string } | { accessToken: string };

export function linearGraphqlUrl(): string {
  return `${env().LINEAR_API_URL}/graphql`;
}

export function linearSdk(auth: LinearAuth): LinearSdk {
  const authorization = "apiKey" in auth ? auth.apiKey : `Bearer ${auth.accessToken}`;
  const request = async <Data, Variables extends Record<string, unknown>>(query: string, variables?: Variables): Promise<Data> => {
    const response = await policyFetch("linear")(linearGraphqlUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", authorization },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer;
    if (response.ok && !answer.errors?.length && answer.data) return answer.data as Data;
    throw linearError(response, answer);
  };
  return new LinearSdk(request as ConstructorParameters<typeof LinearSdk>[0]);
}

// Linear types its GraphQL errors (extensions.type) and often answers them with HTTP 400.
const KIND_BY_TYPE: Record<string, ProviderErrorKind> = {
  "authentication error": "unauthorized",
  forbidden: "forbidden",
  ratelimited: "rate_limited",
  "feature not accessible": "forbidden",
  "internal error": "unavailable",
};

function linearError(response: Response, answer: GraphQLAnswer): ProviderError {
  const first = answer.errors?.[0];
  const type = first?.extensions?.type?.toLowerCase();
  const kind = (type && KIND_BY_TYPE[type]) || (response.ok ? "failed" : kindForStatus(response.status));
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ProviderError("linear", kind, `${response.status} ${first?.message ?? response.statusText}`, response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}
