// The outbound address policy, on the connection step every provider call goes through:
// loopback, private and link-local targets are refused however they are written (literal
// IPv4 and IPv6, IPv4-mapped IPv6, decimal, a name that resolves there), before a socket
// opens and on every redirect hop; the operator's allowlist and ALLOW_PRIVATE let them through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startStandInServer, type StandInServer } from "../../testing/provider-stand-ins/http";
import { addressPolicy, addressRefusal } from "./address-policy";
import { ProviderError } from "./errors";
import { policyFetch } from "./fetch";
import { checkedAddress, guardedDispatcher, type Resolver } from "./guarded-dispatcher";
import { outboundPolicy } from "./policy";

const strict = addressPolicy();
// Names this test resolves itself, so no DNS is needed.
const resolver: Resolver = async (host) => ({ "provider.test": ["127.0.0.1"], "mixed.test": ["93.184.215.14", "10.1.2.3"], "public.test": ["93.184.215.14"] })[host] ?? [];

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer((request) => (request.path === "/hop" ? { status: 302, headers: { location: `${server.url}/secret` } } : json(200, { path: request.path })));
});
afterAll(() => server.close());

function fetchWith(policy = strict) {
  return policyFetch("gitlab", outboundPolicy({ maxAttempts: 1, timeoutMs: 2_000, dispatcher: guardedDispatcher(policy, resolver) }));
}

async function refusal(url: string, policy = strict): Promise<string> {
  const error = await fetchWith(policy)(url).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProviderError);
  return (error as ProviderError).message;
}

describe("addressRefusal", () => {
  it("refuses internal ranges and allows public addresses", () => {
    for (const address of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe"]) {
      expect(addressRefusal(strict, "h", address), address).toMatch(/internal address/);
    }
    for (const address of ["93.184.215.14", "140.82.112.3", "2606:4700::6810:84e5"]) expect(addressRefusal(strict, "h", address), address).toBeNull();
  });

  it("lets the operator allow CIDRs, single IPs, host names, or all internal addresses", () => {
    const listed = addressPolicy({ allowlist: ["10.0.0.0/8", "::1", "gitlab.internal"] });
    expect(addressRefusal(listed, "h", "10.20.30.40")).toBeNull();
    expect(addressRefusal(listed, "h", "::1")).toBeNull();
    expect(addressRefusal(listed, "GitLab.Internal.", "192.168.0.9")).toBeNull();
    expect(addressRefusal(listed, "h", "192.168.0.9")).toMatch(/BASTION_OUTBOUND_ALLOWLIST/);
    expect(addressRefusal(listed, "h", "127.0.0.1")).not.toBeNull();
    expect(addressRefusal(addressPolicy({ allowPrivate: true }), "h", "127.0.0.1")).toBeNull();
  });

  it("checks every address a name resolves to, and literal IPs without resolving", async () => {
    await expect(checkedAddress(strict, "public.test", resolver)).resolves.toBe("93.184.215.14");
    await expect(checkedAddress(strict, "mixed.test", resolver)).rejects.toThrow(/10\.1\.2\.3/);
    await expect(checkedAddress(strict, "provider.test", resolver)).rejects.toThrow(/internal address/);
    await expect(checkedAddress(strict, "[::ffff:7f00:1]", resolver)).rejects.toThrow(/internal address/);
    // `localhost` through the system resolver (/etc/hosts).
    await expect(checkedAddress(strict, "localhost")).rejects.toThrow(/internal address/);
  });
});

describe("provider calls under the policy", () => {
  it("refuses loopback and private targets however written, and opens no connection", async () => {
    const port = new URL(server.url).port;
    const before = server.received.length;
    for (const url of [`http://127.0.0.1:${port}/a`, `http://10.0.0.1:${port}/a`, `http://[::1]:${port}/a`, `http://[::ffff:127.0.0.1]:${port}/a`, `http://2130706433:${port}/a`, `http://0x7f.1:${port}/a`, `http://localhost:${port}/a`, `http://provider.test:${port}/a`]) {
      expect(await refusal(url), url).toMatch(/refused to call an internal address/);
    }
    expect(server.received.length).toBe(before);
  });

  it("reaches an allowed target, and refuses a redirect from it to a refused one", async () => {
    const port = new URL(server.url).port;
    const onlyProvider = addressPolicy({ allowlist: ["provider.test"] });
    expect(await (await fetchWith(onlyProvider)(`http://provider.test:${port}/ok`)).json()).toEqual({ path: "/ok" });
    // /hop answers 302 to http://127.0.0.1:<port>/secret: that hop is checked and refused.
    expect(await refusal(`http://provider.test:${port}/hop`, onlyProvider)).toMatch(/internal address \(127\.0\.0\.1\)/);
    expect(server.received.some((request) => request.path === "/secret")).toBe(false);
    expect((await fetchWith(addressPolicy({ allowlist: ["127.0.0.0/8"] }))(`http://127.0.0.1:${port}/ok`)).status).toBe(200);
  });
});
