// The connection step of every provider call: the host is resolved here, every address it
// resolves to (or the literal IP it is) is checked against the address policy, and the
// socket is opened to the checked address, so no later DNS answer can swap in an internal
// one. It runs for each hop of a redirect too. Node's fetch takes it as its `dispatcher`
// (the SDKs all call through policyFetch, lib/integrations/outbound/fetch.ts).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import { addressRefusal, environmentAddressPolicy, normalizeHost, OutboundAddressRefused, type AddressPolicy } from "./address-policy";

/** Resolves a host name to all its addresses (injectable so tests need no DNS). */
export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** The address to connect to, once every address of `host` passed the policy. */
export async function checkedAddress(policy: AddressPolicy, host: string, resolve: Resolver = systemResolver): Promise<string> {
  const name = normalizeHost(host);
  const addresses = isIP(name) ? [name] : await resolve(name);
  if (addresses.length === 0) throw new OutboundAddressRefused(`${name} resolves to no address`);
  for (const address of addresses) {
    const refusal = addressRefusal(policy, name, address);
    if (refusal) throw new OutboundAddressRefused(refusal);
  }
  return addresses[0]!;
}

export function guardedDispatcher(policy: AddressPolicy, resolve: Resolver = systemResolver): Agent {
  const connectTo = buildConnector({});
  return new Agent({
    connect(options, callback) {
      checkedAddress(policy, options.hostname, resolve).then(
        // `host` keeps the name, so TLS still sends it (SNI) and checks the certificate for it.
        (address) => connectTo({ ...options, hostname: address }, callback),
        (error: Error) => callback(error, null),
      );
    },
  });
}

let shared: Agent | undefined;

/** One dispatcher per process for the operator's policy (keeps its connection pool). */
export function environmentDispatcher(): Agent {
  shared ??= guardedDispatcher(environmentAddressPolicy());
  return shared;
}
