// The guard's node:http / node:https agents over real loopback sockets, with a resolver
// standing in for DNS so a public-looking name can resolve to loopback.
import http from "node:http";
import https from "node:https";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressPolicy, OutboundAddressRefused } from "./address-policy";
import { guardedNodeAgents } from "./guarded-node-agents";

const resolver = async (host: string) => (host === "idp.bastion.test" ? ["127.0.0.1"] : host === "inside.bastion.test" ? ["10.0.0.7"] : []);
// idp.bastion.test is allowed by name although it resolves to loopback; nothing else internal is.
const agents = guardedNodeAgents(addressPolicy({ allowlist: ["idp.bastion.test"] }), resolver);

/** A TCP server keeping the first bytes of each connection (an HTTP request line, a TLS ClientHello). */
let server: Server;
let port: number;
const received: Buffer[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    socket.once("data", (chunk) => {
      received.push(chunk);
      socket.end("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(url: string): Promise<{ status?: number; error?: Error }> {
  const agent = url.startsWith("https:") ? agents["https:"] : agents["http:"];
  const request = (url.startsWith("https:") ? https : http).get(url, { agent }, (response) => {
    response.resume();
  });
  return new Promise((resolve) => {
    request.on("response", (response) => resolve({ status: response.statusCode }));
    request.on("error", (error) => resolve({ error }));
  });
}

describe("guardedNodeAgents", () => {
  it("connects an allowed host name to its checked address", async () => {
    const before = received.length;
    expect(await get(`http://idp.bastion.test:${port}/token`)).toEqual({ status: 200 });
    expect(received.slice(before).map(String).join("")).toMatch(/^GET \/token HTTP\/1\.1\r\nHost: idp\.bastion\.test:/);
  });

  it("refuses a literal internal IP and a name resolving inside, without connecting", async () => {
    const before = received.length;
    for (const url of [`http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}/`, "http://inside.bastion.test/", "https://inside.bastion.test/"]) {
      const { error } = await get(url);
      expect(error).toBeInstanceOf(OutboundAddressRefused);
    }
    expect(received.length).toBe(before);
  });

  it("opens TLS to the checked address while sending the host name (SNI) for the certificate", async () => {
    const before = received.length;
    const { error } = await get(`https://idp.bastion.test:${port}/`);
    // Our stand-in speaks no TLS, so the handshake fails after the ClientHello arrived.
    expect(error).toBeDefined();
    expect(error).not.toBeInstanceOf(OutboundAddressRefused);
    expect(received.slice(before).map((chunk) => chunk.toString("latin1")).join("")).toContain("idp.bastion.test");
  });
});
