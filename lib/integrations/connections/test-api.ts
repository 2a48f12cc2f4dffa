// The connections routes, called as a browser (or an API key) would, for the connections
// test files. Provider settings come from the environment, which lib/env reads once per
// module instance: load() points it at the stand-ins and imports fresh route modules.
import { vi } from "vitest";
import type { ProviderStandIns } from "../../testing/provider-stand-ins";
import { call, type CallOptions } from "../../testing/http";

export type Answer = Awaited<ReturnType<typeof call>>;

/** Every call made through an api(), for tests that search all responses for a credential. */
export const answers: { path: string; answer: Answer }[] = [];

export async function loadIntegrations(standIns: ProviderStandIns, extraEnv: Record<string, string> = {}) {
  for (const [name, value] of Object.entries({ ...standIns.env, SLACK_SIGNING_SECRET: "slack-signing-secret-for-tests", ...extraEnv })) vi.stubEnv(name, value);
  vi.resetModules();
  const routes = {
    list: await import("@/app/api/v1/orgs/[slug]/integrations/route"),
    one: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/route"),
    check: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/check/route"),
    secret: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/webhook-secret/route"),
    sync: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/sync/route"),
    resources: await import("@/app/api/v1/orgs/[slug]/integrations/[connectionId]/resources/route"),
    oauthStart: await import("@/app/api/v1/orgs/[slug]/integrations/oauth/[provider]/route"),
    callback: await import("@/app/api/integrations/oauth/[provider]/callback/route"),
  };
  const domain = {
    sync: await import("../sync/sync"),
    lock: await import("../locks"),
    tasks: await import("../sync/tasks"),
    credentials: await import("./credentials"),
  };

  function api(slug: string, auth: { cookie?: string; authorization?: string }) {
    const base = `/api/v1/orgs/${slug}/integrations`;
    const options = (params: Record<string, string>, body?: object): CallOptions => ({
      cookie: auth.cookie,
      headers: auth.authorization ? { authorization: auth.authorization } : {},
      params,
      body,
    });
    const record = async (path: string, answer: Promise<Answer>) => {
      const result = await answer;
      answers.push({ path, answer: result });
      return result;
    };
    const on = (connectionId: string) => ({ slug, connectionId });
    return {
      list: () => record(base, call(routes.list.GET, "GET", base, options({ slug }))),
      // Connect answers carry the webhook secret (shown once): kept out of `answers` too.
      connect: (body: object) => call(routes.list.POST, "POST", base, options({ slug }, body)),
      get: (id: string) => record(`${base}/${id}`, call(routes.one.GET, "GET", `${base}/${id}`, options(on(id)))),
      update: (id: string, body: object) => record(`${base}/${id}`, call(routes.one.PATCH, "PATCH", `${base}/${id}`, options(on(id), body))),
      disconnect: (id: string) => record(`${base}/${id}`, call(routes.one.DELETE, "DELETE", `${base}/${id}`, options(on(id)))),
      check: (id: string) => record(`${base}/${id}/check`, call(routes.check.POST, "POST", `${base}/${id}/check`, options(on(id)))),
      rotateSecret: (id: string) => call(routes.secret.POST, "POST", `${base}/${id}/webhook-secret`, options(on(id))),
      setSecret: (id: string, body: object) => record(`${base}/${id}/webhook-secret`, call(routes.secret.PUT, "PUT", `${base}/${id}/webhook-secret`, options(on(id), body))),
      sync: (id: string) => record(`${base}/${id}/sync`, call(routes.sync.POST, "POST", `${base}/${id}/sync`, options(on(id)))),
      resources: (id: string, query = "") => record(`${base}/${id}/resources`, call(routes.resources.GET, "GET", `${base}/${id}/resources${query}`, options(on(id)))),
      startOAuth: (provider: string, body: object = {}) =>
        record(`${base}/oauth/${provider}`, call(routes.oauthStart.POST, "POST", `${base}/oauth/${provider}`, options({ slug, provider }, body))),
    };
  }

  /** The callback as the browser reaches it after the provider redirected it: a GET with its cookie. */
  async function callback(url: string, cookie: string) {
    const target = new URL(url);
    const provider = target.pathname.split("/")[4]!;
    const response = await routes.callback.GET(new Request(`http://localhost:3000${target.pathname}${target.search}`, { headers: { cookie } }), { params: Promise.resolve({ provider }) });
    return { status: response.status, location: response.headers.get("location") };
  }

  return { routes, domain, api, callback };
}

/** Follows the provider's authorize URL as a consenting admin's browser would, up to Bastion's callback. */
export async function approveAtProvider(authorizeUrl: string): Promise<string> {
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !location) throw new Error(`the provider answered ${response.status} without a redirect`);
  return location;
}
