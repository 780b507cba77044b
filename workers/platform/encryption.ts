/**
 * Secrets at rest: AES-256-GCM (WebCrypto) under ENCRYPTION_KEY. A sealed value reads
 * `v1.<key id>.<iv>.<ciphertext+tag>` (base64url): the version says how to open it, the key id (a fingerprint of the
 * key, not the key) which key sealed it, and the IV is 96 random bits per seal. The header and the caller's context
 * (e.g. the owning tenant and row) are the GCM additional data, so a value copied anywhere else fails to open.
 */
import type { Env } from "../env";
import { fromBase64, toBase64Url } from "./base64";
import { sha256Hex } from "./crypto";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;

type EncryptionEnv = Pick<Env, "ENCRYPTION_KEY">;

interface DataKey {
  key: CryptoKey;
  id: string;
}

/** Thrown when a sealed value does not open: tampered, moved to another context, or sealed under another key. */
export class DecryptionError extends Error {
  override name = "DecryptionError";
}

/** Imported keys per configured value: importing on every call would cost more than the cipher itself. */
const importedKeys = new Map<string, Promise<DataKey>>();

/** Fails closed: a missing or malformed key is a deployment error (500, logged), never plaintext at rest. */
function dataKey(env: EncryptionEnv): Promise<DataKey> {
  const configured = env.ENCRYPTION_KEY ?? "";
  let key = importedKeys.get(configured);
  if (key === undefined) {
    const raw = fromBase64(configured.trim());
    if (raw?.byteLength !== KEY_BYTES) {
      throw new Error(`ENCRYPTION_KEY must be the base64 of exactly ${KEY_BYTES} random bytes; refusing to seal or open secrets`);
    }
    key = Promise.all([
      crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]),
      sha256Hex(raw),
    ]).then(([imported, digest]) => ({ key: imported, id: digest.slice(0, 8) }));
    importedKeys.set(configured, key);
  }
  return key;
}

const additionalData = (header: string, context: string) => new TextEncoder().encode(`${header}|${context}`);

export async function encryptSecret(env: EncryptionEnv, plaintext: string, context: string): Promise<string> {
  const { key, id } = await dataKey(env);
  const header = `${VERSION}.${id}`;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: additionalData(header, context) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return `${header}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
}

export async function decryptSecret(env: EncryptionEnv, sealed: string, context: string): Promise<string> {
  const { key, id } = await dataKey(env);
  const [version, keyId, ivText, bodyText, ...rest] = sealed.split(".");
  if (version !== VERSION || rest.length > 0) throw new DecryptionError("Not a sealed value this service understands");
  if (keyId !== id) throw new DecryptionError(`Sealed under key ${keyId}, but the configured key is ${id}`);
  const iv = fromBase64(ivText ?? "");
  const body = fromBase64(bodyText ?? "");
  if (iv?.byteLength !== IV_BYTES || body === undefined) throw new DecryptionError("The sealed value is malformed");
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv, additionalData: additionalData(`${version}.${keyId}`, context) },
      key,
      body,
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new DecryptionError("The sealed value failed authentication (tampered, or sealed for another context)");
  }
}
