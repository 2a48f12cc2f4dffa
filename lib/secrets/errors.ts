// A stored version whose ciphertext does not authenticate where it is (a row copied from
// another secret or org, tampered bytes, a data key gone): the caller's request is fine,
// the stored state is not, so 409 naming the secret (never a value), not a 500.
import { AppError } from "../errors";

export type UndecryptableVersion = { secretId: string; version: number; key?: string };

export class SecretUndecryptable extends AppError {
  constructor(readonly version: UndecryptableVersion) {
    super(
      "conflict",
      `Secret ${version.key ?? version.secretId} (version ${version.version}) cannot be decrypted; restore another version or set a new value`,
      { reason: "undecryptable", secretId: version.secretId, ...(version.key ? { key: version.key } : {}), version: version.version },
    );
  }
}
