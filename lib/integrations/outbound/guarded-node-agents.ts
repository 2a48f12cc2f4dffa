// The outbound guard for libraries that call through node:http / node:https instead of
// fetch (openid-client under next-auth v4 does): agents whose connection step is the one
// in guarded-dispatcher.ts — every address of the host (or the literal IP) checked against
// the address policy, and the socket opened to the checked address.
// No "server-only" marker: the same modules load in the worker.
import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import { environmentAddressPolicy, type AddressPolicy } from "./address-policy";
import { checkedAddress, type Resolver } from "./guarded-dispatcher";

type ConnectionCallback = (error: Error | null, socket?: Duplex) => void;
type ConnectOptions = { host?: string | null; hostname?: string | null };

export type GuardedNodeAgents = { "http:": http.Agent; "https:": https.Agent };

function guardedConnect(policy: AddressPolicy, resolve: Resolver | undefined, options: ConnectOptions, callback: ConnectionCallback, connect: (address: string) => Duplex): void {
  checkedAddress(policy, options.hostname ?? options.host ?? "", resolve).then(
    (address) => {
      try {
        callback(null, connect(address));
      } catch (error) {
        callback(error as Error);
      }
    },
    (error: Error) => callback(error),
  );
}

/** One agent per protocol; node's http.request takes only the agent of the URL's protocol. */
export function guardedNodeAgents(policy: AddressPolicy, resolve?: Resolver): GuardedNodeAgents {
  class GuardedHttpAgent extends http.Agent {
    // Node's Agent accepts a socket handed to the callback later (returning undefined).
    override createConnection(options: http.ClientRequestArgs, callback: ConnectionCallback): undefined {
      guardedConnect(policy, resolve, options, callback, (address) => super.createConnection({ ...options, host: address, hostname: address }) as Duplex);
      return undefined;
    }
  }
  class GuardedHttpsAgent extends https.Agent {
    override createConnection(options: https.RequestOptions, callback: ConnectionCallback): undefined {
      // Node's agent has set `servername` from the URL's host name, so TLS still sends it
      // (SNI) and checks the certificate for it, not for the address connected to.
      guardedConnect(policy, resolve, options, callback, (address) => (super.createConnection as (options: object) => Duplex)({ ...options, host: address, hostname: address }));
      return undefined;
    }
  }
  return { "http:": new GuardedHttpAgent(), "https:": new GuardedHttpsAgent() };
}

let shared: GuardedNodeAgents | undefined;

/** The agents for the operator's policy, one pair per process. */
export function environmentNodeAgents(): GuardedNodeAgents {
  shared ??= guardedNodeAgents(environmentAddressPolicy());
  return shared;
}
