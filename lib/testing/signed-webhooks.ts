// Inbound webhooks signed exactly as each provider signs them, for tests (unit, API and
// browser) and the benchmark. Written from the providers' documentation independently of
// lib/integrations/webhooks, so a verifier bug cannot hide behind a shared helper.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import githubExamples from "@octokit/webhooks-examples";

const hex = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest("hex");

/** A real GitHub payload from @octokit/webhooks-examples (the first example with that action). */
export function githubExample(event: string, action?: string): Record<string, unknown> {
  const definition = githubExamples.find((candidate) => candidate.name === event);
  const example = (definition?.examples as Record<string, unknown>[] | undefined)?.find((candidate) => action === undefined || candidate.action === action);
  if (!example) throw new Error(`no @octokit/webhooks-examples payload for ${event}${action ? `.${action}` : ""}`);
  return example;
}

/** A committed provider fixture (lib/integrations/providers/<provider>/fixtures/<name>), as raw text. */
export function providerFixture(provider: string, name: string): string {
  return readFileSync(path.join(import.meta.dirname, "..", "integrations", "providers", provider, "fixtures", name), "utf8");
}

export function githubHeaders(body: string, secret: string, options: { event?: string; deliveryId?: string } = {}): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": options.event ?? "push",
    "x-github-delivery": options.deliveryId ?? randomUUID(),
    "x-hub-signature-256": `sha256=${hex(secret, body)}`,
    "user-agent": "GitHub-Hookshot/bastion-test",
  };
}

/** GitLab's secret token, plus its signed-webhook headers when a signing token (`whsec_<base64>`) is given. */
export function gitlabHeaders(body: string, token: string | null, options: { event?: string; deliveryId?: string; signingToken?: string; timestamp?: number } = {}): Record<string, string> {
  const deliveryId = options.deliveryId ?? randomUUID();
  const headers: Record<string, string> = { "content-type": "application/json", "x-gitlab-event": options.event ?? "Push Hook", "idempotency-key": deliveryId, "x-gitlab-event-uuid": randomUUID() };
  if (token !== null) headers["x-gitlab-token"] = token;
  if (options.signingToken) {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const key = Buffer.from(options.signingToken.replace(/^whsec_/, ""), "base64");
    const signature = createHmac("sha256", key).update(`${deliveryId}.${timestamp}.${body}`).digest("base64");
    Object.assign(headers, { "webhook-id": deliveryId, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` });
  }
  return headers;
}

export function jiraHeaders(body: string, secret: string | null, options: { deliveryId?: string } = {}): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-atlassian-webhook-identifier": options.deliveryId ?? String(Date.now() + Math.random()) };
  if (secret !== null) headers["x-hub-signature"] = `sha256=${hex(secret, body)}`;
  return headers;
}

export function linearHeaders(body: string, secret: string, options: { deliveryId?: string; event?: string } = {}): Record<string, string> {
  return { "content-type": "application/json; charset=utf-8", "linear-delivery": options.deliveryId ?? randomUUID(), "linear-event": options.event ?? "Issue", "linear-signature": hex(secret, body) };
}

/** A Linear body stamped as Linear stamps each delivery (webhookTimestamp in ms). */
export function linearBody(payload: Record<string, unknown>, timestampMs = Date.now()): string {
  return JSON.stringify({ ...payload, webhookTimestamp: timestampMs });
}

export function slackHeaders(body: string, signingSecret: string, options: { timestamp?: number; form?: boolean; retryNum?: number } = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": options.form ? "application/x-www-form-urlencoded" : "application/json",
    "x-slack-request-timestamp": timestamp,
    "x-slack-signature": `v0=${hex(signingSecret, `v0:${timestamp}:${body}`)}`,
  };
  if (options.retryNum !== undefined) Object.assign(headers, { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" });
  return headers;
}
