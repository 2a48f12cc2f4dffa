// The secrets routes, called as a browser would, for the secrets test files.
import * as exportRoute from "@/app/api/v1/orgs/[slug]/secrets/export/route";
import * as importRoute from "@/app/api/v1/orgs/[slug]/secrets/import/route";
import * as previewRoute from "@/app/api/v1/orgs/[slug]/secrets/import/preview/route";
import * as revealRoute from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/reveal/route";
import * as secretRoute from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/route";
import * as undeleteRoute from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/undelete/route";
import * as restoreRoute from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/versions/[version]/restore/route";
import * as versionsRoute from "@/app/api/v1/orgs/[slug]/secrets/[secretId]/versions/route";
import * as rotateRoute from "@/app/api/v1/orgs/[slug]/secrets/rotate-data-key/route";
import * as listRoute from "@/app/api/v1/orgs/[slug]/secrets/route";
import * as valuesRoute from "@/app/api/v1/orgs/[slug]/secrets/values/route";
import { call } from "../testing/http";

export type Answer = Awaited<ReturnType<typeof call>>;

/** Every call made through this helper, for tests that inspect all responses. */
export const answers: { path: string; answer: Answer }[] = [];

async function record(path: string, answer: Promise<Answer>): Promise<Answer> {
  const result = await answer;
  answers.push({ path, answer: result });
  return result;
}

export function secretsApi(slug: string, cookie: string) {
  const base = `/api/v1/orgs/${slug}/secrets`;
  const on = (secretId: string) => ({ slug, secretId });
  return {
    list: (query = "") => record(`${base}${query}`, call(listRoute.GET, "GET", `${base}${query}`, { cookie, params: { slug } })),
    create: (body: object) => record(base, call(listRoute.POST, "POST", base, { cookie, body, params: { slug } })),
    get: (id: string) => record(`${base}/${id}`, call(secretRoute.GET, "GET", `${base}/${id}`, { cookie, params: on(id) })),
    update: (id: string, body: object) => record(`${base}/${id}`, call(secretRoute.PATCH, "PATCH", `${base}/${id}`, { cookie, body, params: on(id) })),
    remove: (id: string) => record(`${base}/${id}`, call(secretRoute.DELETE, "DELETE", `${base}/${id}`, { cookie, params: on(id) })),
    undelete: (id: string) => record(`${base}/${id}/undelete`, call(undeleteRoute.POST, "POST", `${base}/${id}/undelete`, { cookie, params: on(id) })),
    versions: (id: string) => record(`${base}/${id}/versions`, call(versionsRoute.GET, "GET", `${base}/${id}/versions`, { cookie, params: on(id) })),
    restore: (id: string, version: number) =>
      record(`${base}/${id}/versions/${version}/restore`, call(restoreRoute.POST, "POST", `${base}/${id}/versions/${version}/restore`, { cookie, params: { ...on(id), version: String(version) } })),
    // Reveals are kept out of `answers`: they are the one place a value may appear.
    reveal: (id: string, version?: number) => call(revealRoute.POST, "POST", `${base}/${id}/reveal`, { cookie, body: version ? { version } : {}, params: on(id) }),
    values: (query = "") => call(valuesRoute.GET, "GET", `${base}/values${query}`, { cookie, params: { slug } }),
    exportEnv: async (query = "") => exportRoute.GET(new Request(`http://localhost:3000${base}/export${query}`, { headers: { cookie, origin: "http://localhost:3000" } }), { params: Promise.resolve({ slug }) }),
    preview: (body: object) => record(`${base}/import/preview`, call(previewRoute.POST, "POST", `${base}/import/preview`, { cookie, body, params: { slug } })),
    importEnv: (body: object) => record(`${base}/import`, call(importRoute.POST, "POST", `${base}/import`, { cookie, body, params: { slug } })),
    rotateDataKey: () => record(`${base}/rotate-data-key`, call(rotateRoute.POST, "POST", `${base}/rotate-data-key`, { cookie, params: { slug } })),
  };
}
