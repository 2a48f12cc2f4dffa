// A local stand-in for HashiCorp Vault's Transit secrets engine, speaking its HTTP API
// as documented: POST /v1/transit/encrypt|decrypt|rewrap/<key>, GET and POST
// /v1/transit/keys/<key>, POST /v1/transit/keys/<key>/rotate; X-Vault-Token auth,
// optional X-Vault-Namespace; ciphertexts "vault:v<N>:<base64(nonce|ciphertext|tag)>"
// from aes256-gcm96 keys; plaintexts base64; encrypt creates a missing key (upsert).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export type VaultTransitStandIn = {
  address: string;
  token: string;
  /** Adds a key version, as `vault write -f transit/keys/<key>/rotate` does. */
  rotate(key: string): void;
  /** Sets min_decryption_version: older versions are retired and no longer decrypt. */
  setMinDecryptionVersion(key: string, version: number): void;
  close(): Promise<void>;
};

type TransitKey = { versions: Map<number, Buffer>; latest: number; minDecryption: number };

export async function startVaultTransit(options: { token?: string; namespace?: string; tls?: { key: Buffer; cert: Buffer } } = {}): Promise<VaultTransitStandIn> {
  const token = options.token ?? `hvs.${randomBytes(12).toString("base64url")}`;
  const keys = new Map<string, TransitKey>();

  const createKey = (name: string): TransitKey => {
    const created = { versions: new Map([[1, randomBytes(32)]]), latest: 1, minDecryption: 1 };
    keys.set(name, created);
    return created;
  };
  const rotate = (name: string) => {
    const key = keys.get(name) ?? createKey(name);
    key.latest += 1;
    key.versions.set(key.latest, randomBytes(32));
  };

  function encrypt(key: TransitKey, plaintext: Buffer, version = key.latest): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key.versions.get(version)!, nonce);
    return `vault:v${version}:${Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString("base64")}`;
  }

  function decrypt(key: TransitKey, ciphertext: string): Buffer {
    const match = /^vault:v(\d+):([A-Za-z0-9+/=]+)$/.exec(ciphertext);
    if (!match) throw new TransitError(400, "invalid ciphertext: no prefix");
    const version = Number(match[1]);
    if (version < key.minDecryption) throw new TransitError(400, "ciphertext or signature version is disallowed by policy (too old)");
    const material = key.versions.get(version);
    if (!material) throw new TransitError(400, "invalid key version");
    const body = Buffer.from(match[2]!, "base64");
    try {
      const decipher = createDecipheriv("aes-256-gcm", material, body.subarray(0, 12));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
    } catch {
      throw new TransitError(400, "cipher: message authentication failed");
    }
  }

  function handle(method: string, path: string, body: Record<string, unknown>): { status: number; json?: object } {
    const match = /^\/v1\/transit\/(encrypt|decrypt|rewrap|keys)\/([\w.-]+)(\/rotate)?$/.exec(path);
    if (!match) return { status: 404, json: { errors: [] } };
    const [, op, name, rotateSuffix] = match as unknown as [string, string, string, string | undefined];
    if (op === "keys" && rotateSuffix && method === "POST") {
      rotate(name);
      return { status: 204 };
    }
    if (op === "keys" && method === "POST") {
      if (!keys.has(name)) createKey(name);
      return { status: 204 };
    }
    const existing = keys.get(name);
    if (op === "keys" && method === "GET") {
      if (!existing) return { status: 404, json: { errors: [] } };
      const versions = Object.fromEntries([...existing.versions.keys()].map((version) => [String(version), 1700000000 + version]));
      return { status: 200, json: { data: { name, type: "aes256-gcm96", latest_version: existing.latest, min_decryption_version: existing.minDecryption, min_encryption_version: 0, keys: versions } } };
    }
    if (method !== "POST") return { status: 405, json: { errors: ["unsupported operation"] } };
    if (op === "encrypt") {
      if (typeof body.plaintext !== "string") throw new TransitError(400, "missing plaintext to encrypt");
      const key = existing ?? createKey(name);
      return { status: 200, json: { data: { ciphertext: encrypt(key, Buffer.from(body.plaintext, "base64")), key_version: key.latest } } };
    }
    if (!existing) throw new TransitError(400, "encryption key not found");
    if (typeof body.ciphertext !== "string") throw new TransitError(400, "missing ciphertext to decrypt");
    const plaintext = decrypt(existing, body.ciphertext);
    if (op === "decrypt") return { status: 200, json: { data: { plaintext: plaintext.toString("base64") } } };
    return { status: 200, json: { data: { ciphertext: encrypt(existing, plaintext), key_version: existing.latest } } };
  }

  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const send = (status: number, json?: object) => {
        res.writeHead(status, json ? { "content-type": "application/json" } : {});
        res.end(json ? JSON.stringify(json) : undefined);
      };
      if (req.headers["x-vault-token"] !== token) return send(403, { errors: ["permission denied"] });
      if (options.namespace && req.headers["x-vault-namespace"] !== options.namespace) return send(403, { errors: ["permission denied"] });
      try {
        const text = Buffer.concat(chunks).toString("utf8");
        const answer = handle(req.method ?? "GET", new URL(req.url ?? "/", "http://vault").pathname, text ? JSON.parse(text) : {});
        send(answer.status, answer.json);
      } catch (error) {
        if (error instanceof TransitError) send(error.status, { errors: [error.message] });
        else send(500, { errors: ["internal error"] });
      }
    });
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    token,
    rotate,
    setMinDecryptionVersion: (name, version) => {
      const key = keys.get(name);
      if (key) key.minDecryption = version;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

class TransitError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
