// One behaviour suite, run against both KMS providers: the local keyring and Vault
// Transit (through the local Transit stand-in, over HTTP).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVaultTransit, type VaultTransitStandIn } from "../testing/vault-transit";
import { localProvider, parseMasterKeys, type MasterKey } from "./local";
import { kekVersionOf, type KmsProvider } from "./provider";
import { vaultProvider } from "./vault";

type Harness = {
  provider(): KmsProvider;
  /** Adds a newer KEK version and returns a provider that sees it. */
  rotate(): Promise<KmsProvider>;
  /** Retires every version older than the newest; returns a provider that sees that. */
  retireOld(): Promise<KmsProvider>;
};

function providerSuite(name: string, setup: () => Promise<Harness>, teardown: () => Promise<void> = async () => {}) {
  describe(`KMS provider: ${name}`, () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(teardown);

    it("wraps and unwraps a data key, never returning it in the wrapped form", async () => {
      const key = randomBytes(32);
      const wrapped = await harness.provider().wrap(key);
      expect(wrapped).toMatch(new RegExp(`^${name}:v\\d+:`));
      expect(wrapped).not.toContain(key.toString("base64"));
      expect((await harness.provider().unwrap(wrapped)).equals(key)).toBe(true);
    });

    it("wraps the same key differently each time", async () => {
      const key = randomBytes(32);
      expect(await harness.provider().wrap(key)).not.toBe(await harness.provider().wrap(key));
    });

    it("refuses a tampered wrapped key", async () => {
      const wrapped = await harness.provider().wrap(randomBytes(32));
      const header = wrapped.slice(0, wrapped.lastIndexOf(":") + 1);
      const body = Buffer.from(wrapped.slice(header.length), "base64");
      body[body.length - 1]! ^= 1;
      await expect(harness.provider().unwrap(header + body.toString("base64"))).rejects.toThrow();
    });

    it("keeps unwrapping keys wrapped before a rotation, and rewraps them to the newest version", async () => {
      const key = randomBytes(32);
      const before = harness.provider();
      const wrapped = await before.wrap(key);
      const oldVersion = await before.currentKeyVersion();
      const after = await harness.rotate();
      expect(await after.currentKeyVersion()).toBe(oldVersion + 1);
      expect((await after.unwrap(wrapped)).equals(key)).toBe(true);
      const rewrapped = await after.rewrap(wrapped);
      expect(kekVersionOf(rewrapped)).toBe(oldVersion + 1);
      expect((await after.unwrap(rewrapped)).equals(key)).toBe(true);
      expect(kekVersionOf(await after.wrap(key))).toBe(oldVersion + 1);
    });

    it("cannot unwrap a key whose KEK version was retired, but can its rewrapped form", async () => {
      const key = randomBytes(32);
      const oldWrapped = await harness.provider().wrap(key);
      const rotated = await harness.rotate();
      const rewrapped = await rotated.rewrap(oldWrapped);
      const retired = await harness.retireOld();
      await expect(retired.unwrap(oldWrapped)).rejects.toThrow();
      expect((await retired.unwrap(rewrapped)).equals(key)).toBe(true);
    });
  });
}

let keyring: MasterKey[] = [];
providerSuite("local", async () => {
  keyring = parseMasterKeys(`v1:${randomBytes(32).toString("base64")}`);
  let current = localProvider(keyring);
  return {
    provider: () => current,
    rotate: async () => {
      keyring = [...keyring, { version: Math.max(...keyring.map((entry) => entry.version)) + 1, key: randomBytes(32) }];
      return (current = localProvider(keyring));
    },
    retireOld: async () => {
      keyring = keyring.slice(-1);
      return (current = localProvider(keyring));
    },
  };
});

let vault: VaultTransitStandIn;
providerSuite(
  "vault",
  async () => {
    vault = await startVaultTransit({ namespace: "team-a" });
    const provider = vaultProvider({ address: vault.address, token: vault.token, transitKey: "bastion", namespace: "team-a" });
    await provider.wrap(randomBytes(32));
    let latest = await provider.currentKeyVersion();
    return {
      provider: () => provider,
      rotate: async () => {
        vault.rotate("bastion");
        latest += 1;
        return provider;
      },
      retireOld: async () => {
        vault.setMinDecryptionVersion("bastion", latest);
        return provider;
      },
    };
  },
  () => vault.close(),
);

describe("vault provider over HTTP", () => {
  it("sends the token and namespace Vault expects, and reports a refusal without leaking the request", async () => {
    const standIn = await startVaultTransit({ namespace: "team-a" });
    try {
      const wrongToken = vaultProvider({ address: standIn.address, token: "hvs.wrong", transitKey: "k", namespace: "team-a" });
      await expect(wrongToken.wrap(randomBytes(32))).rejects.toThrow(/vault encrypt failed \(403\): permission denied/);
      const noNamespace = vaultProvider({ address: standIn.address, token: standIn.token, transitKey: "k" });
      await expect(noNamespace.wrap(randomBytes(32))).rejects.toThrow(/403/);
    } finally {
      await standIn.close();
    }
  });
});

describe("vault provider over TLS", () => {
  it("trusts Vault's certificate through VAULT_CACERT, and refuses it without", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bastion-vault-tls-"));
    const [keyFile, certFile] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    // A self-signed certificate for 127.0.0.1: its own CA.
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=vault.test", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyFile, "-out", certFile], { stdio: "ignore" });
    const standIn = await startVaultTransit({ tls: { key: readFileSync(keyFile), cert: readFileSync(certFile) } });
    try {
      expect(standIn.address.startsWith("https://")).toBe(true);
      const trusted = vaultProvider({ address: standIn.address, token: standIn.token, transitKey: "tls", caCertFile: certFile });
      const key = randomBytes(32);
      expect((await trusted.unwrap(await trusted.wrap(key))).equals(key)).toBe(true);
      const untrusted = vaultProvider({ address: standIn.address, token: standIn.token, transitKey: "tls" });
      await expect(untrusted.wrap(key)).rejects.toThrow(/vault unreachable: self[- ]signed certificate/);
    } finally {
      await standIn.close();
    }
  });
});
