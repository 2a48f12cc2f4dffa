// GitBeaker's transport replaced by one built on the outbound policy: GitBeaker's own
// retries 429/502 ten times with sub-millisecond waits and ignores Retry-After, and has
// no per-attempt timeout. Its option handling (auth headers, query formatting) is kept
// by building the requester with its createRequesterFn.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { createRequesterFn, type RequesterType, type ResourceOptions } from "@gitbeaker/requester-utils";
import { kindForStatus, ProviderError } from "../../outbound/errors";
import { policyFetch } from "../../outbound/fetch";

type HandlerOptions = { prefixUrl?: string; searchParams?: string; method?: string; headers?: Record<string, string>; body?: string | FormData; signal?: AbortSignal; asStream?: boolean };

async function handle(endpoint: string, options: Record<string, unknown> = {}) {
  const { prefixUrl = "", searchParams, method = "GET", headers, body, signal, asStream } = options as HandlerOptions;
  const url = new URL(endpoint, prefixUrl.endsWith("/") ? prefixUrl : `${prefixUrl}/`);
  url.search = searchParams ?? "";
  const response = await policyFetch("gitlab")(url, { method, headers, body, signal });
  if (!response.ok) throw await gitlabError(response);
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const parsed = asStream ? response.body : response.status === 204 ? null : contentType === "application/json" ? await response.json() : await response.text();
  return { body: parsed as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
}

/** GitLab answers {"message": "401 Unauthorized"} or an OAuth-style {"error", "error_description"}. */
async function gitlabError(response: Response): Promise<ProviderError> {
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const message = [data.message, data.error_description, data.error].find((value) => typeof value === "string") as string | undefined;
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ProviderError("gitlab", kindForStatus(response.status), `${response.status} ${message ?? response.statusText}`, response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

export const gitlabRequester: (options: ResourceOptions) => RequesterType = createRequesterFn((_, requestOptions) => Promise.resolve(requestOptions), handle);
