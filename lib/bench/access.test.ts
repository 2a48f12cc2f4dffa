// The bench routes read any org's data without authentication: they must answer 404
// unless the benchmark mode is on and the caller is on this machine.
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { isLoopbackAddress } from "./access";

async function load(environment: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
  return {
    members: (await import("@/app/api/bench/members/route")).GET,
    webhooks: (await import("@/app/api/bench/webhooks/route")).POST,
  };
}

function benchRequest(path: string, headers: Record<string, string>, method = "GET"): [Request] {
  const body = method === "POST" ? "{}" : undefined;
  return [new Request(`http://localhost:3000${path}`, { method, headers, body })];
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("isLoopbackAddress", () => {
  it("knows loopback in its spellings and nothing else", () => {
    for (const address of ["127.0.0.1", "127.3.2.1", "::1", "[::1]:8080", "::ffff:127.0.0.1", "127.0.0.1:5000", '"[::1]"']) {
      expect({ address, loopback: isLoopbackAddress(address) }).toEqual({ address, loopback: true });
    }
    for (const address of ["203.0.113.7", "10.0.0.1", "::ffff:10.0.0.1", "fe80::1", "", "unknown", "localhost", "127.0.0.1.evil", "_hidden"]) {
      expect({ address, loopback: isLoopbackAddress(address) }).toEqual({ address, loopback: false });
    }
  });
});

describeWith(["postgres"], "the bench routes", () => {
  it("answer 404 by default, even to a loopback caller", async () => {
    const { org } = await orgWithMembers(["member"]);
    const { members, webhooks } = await load({ BASTION_BENCH: "" });
    const loopback = { "x-bastion-client-ip": "127.0.0.1" };
    expect((await members(...benchRequest(`/api/bench/members?orgId=${org.id}`, loopback))).status).toBe(404);
    expect((await webhooks(...benchRequest("/api/bench/webhooks", loopback, "POST"))).status).toBe(404);
  });

  it("answer a loopback caller in benchmark mode", async () => {
    const { org } = await orgWithMembers(["member"]);
    const { members } = await load({ BASTION_BENCH: "1" });
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const response = await members(...benchRequest(`/api/bench/members?orgId=${org.id}`, { "x-bastion-client-ip": peer, "x-forwarded-for": "127.0.0.1" }));
      expect({ peer, status: response.status }).toEqual({ peer, status: 200 });
      expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(2);
    }
  });

  it("answer 404 in benchmark mode to a caller elsewhere, directly or through a proxy", async () => {
    const { org } = await orgWithMembers(["member"]);
    const { members, webhooks } = await load({ BASTION_BENCH: "1" });
    const callers: Record<string, string>[] = [
      {},
      { "x-bastion-client-ip": "203.0.113.7" },
      { "x-bastion-client-ip": "10.1.2.3" },
      { "x-bastion-client-ip": "127.0.0.1", "x-forwarded-for": "203.0.113.7" },
      { "x-bastion-client-ip": "127.0.0.1", "x-forwarded-for": "127.0.0.1, 203.0.113.7" },
      { "x-bastion-client-ip": "::1", "x-real-ip": "198.51.100.4" },
      { "x-bastion-client-ip": "::1", forwarded: "for=198.51.100.4;proto=https" },
      { "x-bastion-client-ip": "::1", forwarded: 'for="[2001:db8::1]:443"' },
      { "x-bastion-client-ip": "::1", forwarded: "by=proxy" },
    ];
    for (const headers of callers) {
      const listed = await members(...benchRequest(`/api/bench/members?orgId=${org.id}`, headers));
      expect({ headers, status: listed.status }).toEqual({ headers, status: 404 });
      expect(JSON.stringify(await listed.json())).not.toContain(org.id);
      const posted = await webhooks(...benchRequest("/api/bench/webhooks", headers, "POST"));
      expect({ headers, status: posted.status }).toEqual({ headers, status: 404 });
    }
  });
});
