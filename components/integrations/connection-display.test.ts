// The console's reading of a connection's health and its connect forms' request bodies.
import { describe, expect, it } from "vitest";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { connectionHealth } from "./health";
import { CONNECT_METHODS, connectBody, type FormMethod } from "./providers";
import { channelLabel } from "./rule-sources";

const now = Date.parse("2026-12-01T12:00:00Z");
const day = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const connection = (overrides: Partial<ConnectionItem> = {}): ConnectionItem => ({
  id: "c1",
  provider: "github",
  method: "token",
  name: "octocat",
  baseUrl: null,
  externalId: "1",
  status: "active",
  webhookUrl: "http://localhost:3000/api/webhooks/github/c1",
  webhookUnsigned: false,
  createdAt: iso(now - 10 * day),
  lastCheckedAt: iso(now - day),
  lastDeliveryAt: null,
  lastErrorAt: null,
  lastError: null,
  tokenExpiresAt: null,
  lastSyncedAt: null,
  ...overrides,
});

describe("connectionHealth", () => {
  it("is healthy without errors or a near expiry", () => {
    expect(connectionHealth(connection({ tokenExpiresAt: iso(now + 30 * day) }), now)).toEqual({ tone: "good", label: "Healthy" });
  });

  it("says disabled before anything else", () => {
    expect(connectionHealth(connection({ status: "disabled", lastError: "Bad credentials", lastErrorAt: iso(now) }), now).label).toBe("Disabled");
  });

  it("is failing when the last error is newer than the last successful check, healthy again after a later check", () => {
    expect(connectionHealth(connection({ lastError: "Bad credentials", lastErrorAt: iso(now - 1000) }), now)).toEqual({ tone: "bad", label: "Failing" });
    expect(connectionHealth(connection({ lastError: "Bad credentials", lastErrorAt: iso(now - 2 * day) }), now).label).toBe("Healthy");
  });

  it("warns about a token the admin must replace, but not about tokens Bastion renews", () => {
    expect(connectionHealth(connection({ tokenExpiresAt: iso(now + 3 * day) }), now)).toEqual({ tone: "warn", label: "Token expires soon" });
    expect(connectionHealth(connection({ tokenExpiresAt: iso(now - 1) }), now)).toEqual({ tone: "bad", label: "Token expired" });
    expect(connectionHealth(connection({ method: "app", tokenExpiresAt: iso(now + 60_000) }), now).label).toBe("Healthy");
    expect(connectionHealth(connection({ method: "oauth", tokenExpiresAt: iso(now - 1) }), now).label).toBe("Healthy");
  });
});

describe("connectBody", () => {
  const form = (provider: keyof typeof CONNECT_METHODS, id: string) => CONNECT_METHODS[provider].find((method): method is FormMethod => method.kind === "form" && method.id === id)!;

  it("sends the method's fields trimmed, leaving out empty optional ones and an empty name", () => {
    expect(connectBody("gitlab", form("gitlab", "token"), { token: "  glpat-x  ", baseUrl: " " }, "")).toEqual({ provider: "gitlab", method: "token", token: "glpat-x" });
    expect(connectBody("jira", form("jira", "api_key"), { baseUrl: "https://acme.atlassian.net", email: "a@acme.test", token: "t0ken" }, " Jira ")).toEqual({
      provider: "jira",
      method: "api_key",
      baseUrl: "https://acme.atlassian.net",
      email: "a@acme.test",
      token: "t0ken",
      name: "Jira",
    });
  });

  it("never sends a field the method does not have", () => {
    expect(connectBody("linear", form("linear", "api_key"), { token: "lin_api_x", baseUrl: "https://evil.test", email: "x@y.test" }, "")).toEqual({ provider: "linear", method: "api_key", token: "lin_api_x" });
  });

  it("offers Slack only through OAuth", () => {
    expect(CONNECT_METHODS.slack.every((method) => method.kind === "oauth")).toBe(true);
  });
});

describe("channelLabel", () => {
  it("writes a channel with one leading #, whether or not its synced name has it", () => {
    expect(channelLabel("#deploys")).toBe("#deploys");
    expect(channelLabel("deploys")).toBe("#deploys");
  });
});
