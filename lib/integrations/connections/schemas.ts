// Input schemas of the connections API: connect (one shape per provider and method),
// change, OAuth start and callback, resource listing.
import { z } from "zod";
import { idParam, text } from "../../validation/text";
import { PROVIDERS } from "../types";

function isLinkLocal(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return /^169\.254\./.test(host) || /^fe[89ab][0-9a-f]:/.test(host) || host === "metadata.google.internal" || host === "metadata";
}

/**
 * A provider's API base URL chosen by an admin (self-managed GitLab, Jira): http(s) only,
 * no credentials, query or fragment, kept without a trailing slash.
 */
export const baseUrlSchema = z
  .url({ protocol: /^https?$/, message: "expected an http(s):// URL" })
  .max(500)
  // Refinements run even after z.url() refused the value, so they parse with URL.parse
  // (null, never a throw: "Invalid URL" used to escape as a 500).
  .refine((value) => {
    const url = URL.parse(value);
    return !url || (!url.username && !url.password && !url.search && !url.hash);
  }, "without credentials, query or fragment")
  // Link-local hosts are cloud metadata services, never a provider: refused here already.
  // Private and loopback ones are refused at connect time unless the operator allows them
  // (outbound/address-policy.ts), where the resolved address is known.
  .refine((value) => !isLinkLocal(URL.parse(value)?.hostname ?? ""), "not a link-local or metadata address")
  .transform((value) => value.replace(/\/+$/, ""));

// Messages name the rule only: a refused token is never echoed back.
const token = text().trim().min(8, "too short for a token: paste the whole value (8 characters or more)").max(4096, "too long for a token (4096 characters at most)").regex(/^\S+$/, "a token has no spaces inside: paste it again");
const name = text().trim().min(1).max(100);

export const connectSchema = z.discriminatedUnion("provider", [
  z.discriminatedUnion("method", [
    z.object({ provider: z.literal("github"), method: z.literal("token"), token, name: name.optional() }),
    z.object({ provider: z.literal("github"), method: z.literal("app"), installationId: z.coerce.string().regex(/^\d{1,20}$/, "the numeric installation id"), name: name.optional() }),
  ]),
  z.object({ provider: z.literal("gitlab"), method: z.literal("token"), token, baseUrl: baseUrlSchema.optional(), name: name.optional() }),
  z.discriminatedUnion("method", [
    // Jira Cloud: the account's email and an API token (basic auth).
    z.object({ provider: z.literal("jira"), method: z.literal("api_key"), baseUrl: baseUrlSchema, email: z.email().max(320), token, name: name.optional() }),
    // Jira Data Center: a personal access token (bearer).
    z.object({ provider: z.literal("jira"), method: z.literal("token"), baseUrl: baseUrlSchema, token, name: name.optional() }),
  ]),
  z.object({ provider: z.literal("linear"), method: z.literal("api_key"), token, name: name.optional() }),
], { error: "expected provider github, gitlab, jira or linear; Slack and OAuth connect through /integrations/oauth/<provider>" });
export type ConnectInput = z.output<typeof connectSchema>;

export const updateConnectionSchema = z
  .object({
    name: name.optional(),
    status: z.enum(["active", "disabled"]).optional(),
    /** true: accept unsigned webhooks (Jira Data Center only); the webhook secret is removed. */
    webhookUnsigned: z.boolean().optional(),
  })
  .refine((input) => input.name !== undefined || input.status !== undefined || input.webhookUnsigned !== undefined, "nothing to change");

export const oauthStartSchema = z.object({ baseUrl: baseUrlSchema.optional(), name: name.optional() });

/** What a provider sends back to the callback; everything optional, judged by the domain. */
export const oauthCallbackQuery = z.object({
  state: text().max(200).optional(),
  code: text().max(4096).optional(),
  error: text().max(200).optional(),
  installation_id: text().max(40).optional(),
  setup_action: text().max(40).optional(),
});

export const RESOURCE_KINDS = ["repository", "project", "team", "channel"] as const;
export const resourcesQuery = z.object({ kind: z.enum(RESOURCE_KINDS).optional() });

const slug = idParam();
const connectionId = idParam();
export const integrationsParams = z.object({ slug });
export const connectionParams = z.object({ slug, connectionId });
export const oauthStartParams = z.object({ slug, provider: z.enum(PROVIDERS) });
/** The callback never answers a 4xx for a bad provider name: it redirects with an error code. */
export const oauthCallbackParams = z.object({ provider: text().max(40) });

/** A webhook secret the provider issued (e.g. Linear's signing secret), pasted by an admin. */
export const setWebhookSecretSchema = z.object({
  secret: text().trim().min(16, "too short").max(512, "too long").regex(/^\S+$/, "no whitespace inside"),
});
