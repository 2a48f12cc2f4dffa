// Which network addresses a provider call may reach. A connection's self-managed base URL
// (GitLab, Jira Data Center) is chosen by an org admin, so without this any admin could
// make the server call internal services. Loopback, private, link-local (cloud metadata),
// carrier-grade NAT and unspecified addresses are refused unless the operator allows them:
// BASTION_OUTBOUND_ALLOW_PRIVATE=1, or BASTION_OUTBOUND_ALLOWLIST (CIDRs, IPs, host names).
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { BlockList, isIP } from "node:net";
import { env } from "../../env";

export type AddressPolicy = {
  allowPrivate: boolean;
  /** Addresses allowed although internal (from CIDRs and IPs in the allowlist). */
  allowedAddresses: BlockList;
  /** Host names whose every resolved address is allowed. */
  allowedHosts: ReadonlySet<string>;
};

const INTERNAL_V4: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3],
];
const INTERNAL_V6: [string, number][] = [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]];

// BlockList checks IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 ranges too.
const internal = new BlockList();
for (const [network, prefix] of INTERNAL_V4) internal.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of INTERNAL_V6) internal.addSubnet(network, prefix, "ipv6");

/** The policy from a list of allowlist entries ("10.0.0.0/8", "::1", "gitlab.internal"). */
export function addressPolicy(input: { allowPrivate?: boolean; allowlist?: readonly string[] } = {}): AddressPolicy {
  const allowedAddresses = new BlockList();
  const allowedHosts = new Set<string>();
  for (const entry of input.allowlist ?? []) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (family) allowedAddresses.addSubnet(address!, prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix), family === 4 ? "ipv4" : "ipv6");
    else allowedHosts.add(normalizeHost(entry));
  }
  return { allowPrivate: input.allowPrivate ?? false, allowedAddresses, allowedHosts };
}

let fromEnvironment: AddressPolicy | undefined;

/** The operator's policy (BASTION_OUTBOUND_ALLOW_PRIVATE, BASTION_OUTBOUND_ALLOWLIST). */
export function environmentAddressPolicy(): AddressPolicy {
  fromEnvironment ??= addressPolicy({ allowPrivate: env().BASTION_OUTBOUND_ALLOW_PRIVATE, allowlist: env().BASTION_OUTBOUND_ALLOWLIST });
  return fromEnvironment;
}

/** "[::1]" -> "::1", "Example.COM." -> "example.com". */
export function normalizeHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "").toLowerCase();
}

/** Why `address` (resolved for `host`) may not be reached, or null when it may. */
export function addressRefusal(policy: AddressPolicy, host: string, address: string): string | null {
  const family = isIP(address);
  if (!family) return `${address} is not an IP address`;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (policy.allowPrivate || !internal.check(address, type)) return null;
  if (policy.allowedHosts.has(normalizeHost(host)) || policy.allowedAddresses.check(address, type)) return null;
  return `${normalizeHost(host)} resolves to an internal address (${address}); the operator can allow it with BASTION_OUTBOUND_ALLOWLIST`;
}

/** The error a refused connection fails with (its code lets callers tell it from a network fault). */
export class OutboundAddressRefused extends Error {
  readonly code = "EADDRREFUSED_BY_POLICY";
  constructor(message: string) {
    super(message);
    this.name = "OutboundAddressRefused";
  }
}
