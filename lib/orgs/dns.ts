// DNS TXT lookups for domain verification, behind an interface so tests (and operators
// with internal resolvers, BASTION_DNS_SERVERS) can supply their own.
import { Resolver } from "node:dns/promises";
import { env } from "../env";

export type TxtResolver = { resolveTxt(name: string): Promise<string[][]> };

export function systemTxtResolver(): TxtResolver {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  const servers = env().BASTION_DNS_SERVERS;
  if (servers) resolver.setServers(servers);
  return resolver;
}
