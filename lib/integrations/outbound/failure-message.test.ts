// Provider failures in words an admin can act on: real network failures through policyFetch
// (DNS, refused port, the address policy, timeout) and each refusal kind, never a token.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressPolicy } from "./address-policy";
import { ProviderError } from "./errors";
import { describeProviderFailure } from "./failure-message";
import { policyFetch } from "./fetch";
import { guardedDispatcher } from "./guarded-dispatcher";
import { outboundPolicy } from "./policy";
import { toProviderError } from "./sdk-errors";

const open = addressPolicy({ allowPrivate: true });

/** What a call through the outbound policy fails with, as the admin reads it. */
async function failureOf(url: string, options: { allowPrivate?: boolean; resolve?: (host: string) => Promise<string[]>; timeoutMs?: number } = {}): Promise<string> {
  const dispatcher = guardedDispatcher(options.allowPrivate === false ? addressPolicy() : open, options.resolve);
  const policy = outboundPolicy({ dispatcher, maxAttempts: 1, timeoutMs: options.timeoutMs ?? 2_000 });
  const error = await policyFetch("gitlab", policy)(url).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return describeProviderFailure(error as ProviderError);
}

let silent: Server;
const held: Socket[] = [];
let silentPort = 0;
let closedPort = 0;

beforeAll(async () => {
  // Accepts connections and never answers (a timeout); a second server is opened then closed (a refused port).
  silent = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("network failures name the host and what went wrong", () => {
  it("DNS lookup failure", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND gitlab.example.com"), { code: "ENOTFOUND" });
    const message = await failureOf("https://gitlab.example.com/api/v4/user", { resolve: () => Promise.reject(notFound) });
    expect(message).toBe("could not reach gitlab.example.com: DNS lookup failed (no such host)");
  });

  it("connection refused", async () => {
    expect(await failureOf(`http://127.0.0.1:${closedPort}/api/v4/user`)).toBe(`could not reach 127.0.0.1:${closedPort}: connection refused (check the host and port)`);
  });

  it("timeout", async () => {
    expect(await failureOf(`http://127.0.0.1:${silentPort}/api/v4/user`, { timeoutMs: 300 })).toBe(`could not reach 127.0.0.1:${silentPort}: no answer in time (timeout)`);
  });

  it("refused by the address policy, with the operator's fix", async () => {
    const message = await failureOf("http://gitlab.internal/api/v4/user", { allowPrivate: false, resolve: async () => ["10.1.2.3"] });
    expect(message).toBe("refused to call gitlab.internal: gitlab.internal resolves to an internal address (10.1.2.3); the operator can allow it with BASTION_OUTBOUND_ALLOWLIST");
  });

  it("TLS errors say what is wrong with the certificate", () => {
    const expired = new ProviderError("gitlab", "unavailable", "could not reach the API (CERT_HAS_EXPIRED)", null, null, { host: "gitlab.example.com", code: "CERT_HAS_EXPIRED" });
    expect(describeProviderFailure(expired)).toBe("could not reach gitlab.example.com: its TLS certificate has expired");
    const other = new ProviderError("jira", "unavailable", "x", null, null, { host: "jira.example.com", code: "ERR_TLS_SOMETHING_NEW" });
    expect(describeProviderFailure(other)).toBe("could not reach jira.example.com: TLS error (ERR_TLS_SOMETHING_NEW)");
  });
});

describe("provider refusals say which credential and what to check", () => {
  const token = "glpat-abcdefghijklmnop1234";

  it("401 names the token and the scope, never the token itself", () => {
    const sdkError = { response: { status: 401, data: { message: `401 Unauthorized for ${token}` } } };
    const message = describeProviderFailure(toProviderError("gitlab", sdkError, [token]));
    expect(message).toBe("GitLab refused the token (401): check it has the read_api scope and has not expired (GitLab said: 401 Unauthorized for [redacted])");
    expect(message).not.toContain(token);
  });

  it("403 says access was denied and which permission to check", () => {
    const message = describeProviderFailure(new ProviderError("github", "forbidden", "403 Resource not accessible by personal access token", 403));
    expect(message).toBe("GitHub denied access (403): check the token can read the repositories (Contents and Metadata: read) (GitHub said: Resource not accessible by personal access token)");
  });

  it("404 under a self-managed base URL points at the URL", () => {
    const message = describeProviderFailure(new ProviderError("jira", "not_found", "404 Not Found", 404), { baseUrl: "https://jira.example.com/browse/ABC" });
    expect(message).toBe("jira.example.com answered 404: check the Jira URL is the instance's root (like https://jira.example.com), not a project or page URL");
  });

  it("Slack's coded refusals, rate limits and outages", () => {
    expect(describeProviderFailure(toProviderError("slack", { code: "slack_webapi_platform_error", data: { error: "invalid_auth" } }))).toBe(
      "Slack refused the token: reinstall the Slack app to get a new token (Slack said: invalid_auth)",
    );
    expect(describeProviderFailure(new ProviderError("linear", "rate_limited", "429 slow down", 429, 30))).toBe("Linear is rate limiting Bastion: try again in 30 s");
    expect(describeProviderFailure(new ProviderError("gitlab", "unavailable", "502 Bad Gateway", 502))).toBe("GitLab is unavailable (502): try again later");
  });
});
