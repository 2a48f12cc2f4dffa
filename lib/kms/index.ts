// The configured KMS provider, built once per process from lib/env. In single-process
// mode without BASTION_MASTER_KEYS a master key is generated once into the data
// directory (and announced loudly: it must be backed up with the data). Server mode
// refuses to use secrets without configured keys, since every process must share them.
// No "server-only" marker: the worker and `npm run keys:rotate` (plain Node) load this too.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env, mode } from "../env";
import { logger } from "../logger";
import { processSingleton } from "../runtime";
import { localProvider, parseMasterKeys } from "./local";
import { KmsError, type KmsProvider } from "./provider";
import { vaultProvider } from "./vault";

export { KmsError, kekVersionOf, type KmsProvider } from "./provider";

/** The keyring's text: configured, or (single-process only) generated once into `directory`. */
export function resolveMasterKeys(options: { configured?: string; mode: "server" | "single-process"; directory: string }): string {
  if (options.configured) return options.configured;
  if (options.mode === "server") throw new KmsError("BASTION_MASTER_KEYS is required in server mode to use secrets (or set BASTION_KMS=vault)");
  const file = path.join(options.directory, "master-keys");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const generated = `v1:${randomBytes(32).toString("base64")}`;
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  logger.warn(
    { file },
    "!!! BASTION_MASTER_KEYS is not set: generated a master key into the data directory. Losing this file loses every secret; back it up with the data, or set BASTION_MASTER_KEYS !!!",
  );
  return generated;
}

export function kms(): KmsProvider {
  return processSingleton("kms-provider", () => {
    const config = env();
    if (config.BASTION_KMS === "vault") {
      return vaultProvider({
        address: config.VAULT_ADDR!,
        token: config.VAULT_TOKEN!,
        transitKey: config.VAULT_TRANSIT_KEY,
        mountPath: config.VAULT_TRANSIT_MOUNT,
        namespace: config.VAULT_NAMESPACE,
        caCertFile: config.VAULT_CACERT,
      });
    }
    return localProvider(parseMasterKeys(resolveMasterKeys({ configured: config.BASTION_MASTER_KEYS, mode: mode(), directory: dataDir() })));
  });
}
