// The `vault` KMS provider: HashiCorp Vault's Transit engine over its HTTP API. Vault
// holds the key-encryption key; Bastion sends it data keys to encrypt, decrypt and
// rewrap (`vault:vN:` ciphertexts), and reads the key's latest version.
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { KmsError, type KmsProvider } from "./provider";

export type VaultOptions = {
  address: string;
  token: string;
  transitKey: string;
  namespace?: string;
  /** PEM file of the CA that signed Vault's certificate. */
  caCertFile?: string;
  mountPath?: string;
  timeoutMs?: number;
};

type VaultAnswer = { data?: Record<string, unknown>; errors?: string[] };

export function vaultProvider(options: VaultOptions): KmsProvider {
  const base = new URL(options.address.replace(/\/+$/, "") + "/");
  const mount = options.mountPath ?? "transit";
  const ca = options.caCertFile ? readFileSync(options.caCertFile) : undefined;
  const key = encodeURIComponent(options.transitKey);

  function request(method: "GET" | "POST", path: string, body?: object): Promise<VaultAnswer> {
    const url = new URL(`v1/${mount}/${path}`, base);
    const payload = body ? JSON.stringify(body) : undefined;
    const headers: Record<string, string> = { "x-vault-token": options.token, accept: "application/json" };
    if (options.namespace) headers["x-vault-namespace"] = options.namespace;
    if (payload) headers["content-type"] = "application/json";
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method, headers, ca, timeout: options.timeoutMs ?? 10_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const parsed = (text ? safeJson(text) : {}) as VaultAnswer;
          // Vault's error strings describe the request, never the plaintext; keep only the status and them.
          if ((res.statusCode ?? 500) >= 400) reject(new KmsError(`vault ${path.split("/")[0]} failed (${res.statusCode}): ${(parsed.errors ?? []).join("; ").slice(0, 200)}`));
          else resolve(parsed);
        });
      });
      req.on("timeout", () => req.destroy(new KmsError("vault request timed out")));
      req.on("error", (error) => reject(error instanceof KmsError ? error : new KmsError(`vault unreachable: ${error.message}`)));
      req.end(payload);
    });
  }

  function field(answer: VaultAnswer, name: string): string {
    const value = answer.data?.[name];
    if (typeof value !== "string") throw new KmsError(`vault answer lacks ${name}`);
    return value;
  }

  return {
    name: "vault",
    wrap: async (plaintext) => field(await request("POST", `encrypt/${key}`, { plaintext: plaintext.toString("base64") }), "ciphertext"),
    unwrap: async (wrapped) => Buffer.from(field(await request("POST", `decrypt/${key}`, { ciphertext: wrapped }), "plaintext"), "base64"),
    rewrap: async (wrapped) => field(await request("POST", `rewrap/${key}`, { ciphertext: wrapped }), "ciphertext"),
    currentKeyVersion: async () => {
      const latest = (await request("GET", `keys/${key}`)).data?.latest_version;
      if (typeof latest !== "number") throw new KmsError("vault answer lacks latest_version");
      return latest;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
