// Encrypts cluster credentials at rest (AES-256-GCM) and loads the key from the environment or the embedded data dir.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env as ternEnv } from "../env";

const VERSION = "v1";
/** v2: the same AES-256-GCM envelope, with the owning cluster's id as additional authenticated data. */
const VERSION_BOUND = "v2";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE_NAME = "encryption.key";
const GENERATE_HINT = "generate one with `openssl rand -base64 32`";
const KEY_FORMAT = "32 random bytes, written as base64 (44 characters) or as 64 hex characters";

/** Thrown when a stored credentials string cannot be decrypted; the message never holds key or plaintext. */
export class CredentialsDecryptError extends Error {
  constructor(reason: string) {
    super(`cluster credentials could not be decrypted: ${reason}`);
    this.name = "CredentialsDecryptError";
  }
}

/** Thrown when the encryption key is missing or malformed; the message never holds key material. */
export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(`encryption key must be ${KEY_BYTES} bytes for AES-256-GCM (got ${key.length})`);
  }
}

/** What a cluster's credentials are bound to: copying the cipher onto another cluster row makes it undecryptable. */
const clusterAad = (clusterId: string) => Buffer.from(`tern.cluster-credentials:${clusterId}`, "utf8");

/** Encrypts any JSON-serialisable value as `v1:<iv>:<tag>:<ciphertext>` (base64 parts). */
export function encryptJson(value: unknown, key: Uint8Array): string {
  return seal(value, key, VERSION);
}

/** Encrypts a cluster's credentials as `v2:…`, authenticated together with the cluster's id. */
export function encryptClusterCredentials(value: unknown, key: Uint8Array, clusterId: string): string {
  if (!clusterId) throw new TypeError("encryptClusterCredentials: clusterId is required");
  return seal(value, key, VERSION_BOUND, clusterAad(clusterId));
}

/**
 * Decrypts a cluster's credentials: `v2` must have been sealed for this very cluster id; `v1` (written before
 * credentials were bound) is still read, and `legacy: true` tells the caller to re-encrypt it as v2.
 */
export function decryptClusterCredentials(
  cipherText: string,
  key: Uint8Array,
  clusterId: string,
): { value: unknown; legacy: boolean } {
  if (cipherText.startsWith(`${VERSION}:`)) return { value: decryptJson(cipherText, key), legacy: true };
  return {
    value: open(cipherText, key, VERSION_BOUND, clusterAad(clusterId), "or they belong to another cluster"),
    legacy: false,
  };
}

/** True when the stored value is the unbound v1 envelope. */
export const isLegacyCipher = (cipherText: string) => cipherText.startsWith(`${VERSION}:`);

function seal(value: unknown, key: Uint8Array, version: string, aad?: Buffer): string {
  assertKey(key);
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError("encryptJson: value is not JSON-serialisable");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, {
    authTagLength: TAG_BYTES,
  });
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(json, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodePart(part: string, expectedBytes?: number): Buffer | undefined {
  if (!BASE64.test(part)) return undefined;
  const bytes = Buffer.from(part, "base64");
  return expectedBytes === undefined || bytes.length === expectedBytes ? bytes : undefined;
}

/** Decrypts a string from `encryptJson`; returns unknown so the caller validates the shape. */
export function decryptJson(cipherText: string, key: Uint8Array): unknown {
  return open(cipherText, key, VERSION);
}

function open(cipherText: string, key: Uint8Array, version: string, aad?: Buffer, otherCause = ""): unknown {
  assertKey(key);
  const parts = cipherText.split(":");
  if (parts[0] !== version || parts.length !== 4) {
    throw new CredentialsDecryptError(`the stored value is not in the ${version}:<iv>:<tag>:<ciphertext> format`);
  }
  const iv = decodePart(parts[1] ?? "", IV_BYTES);
  const tag = decodePart(parts[2] ?? "", TAG_BYTES);
  const body = decodePart(parts[3] ?? "");
  if (!iv || !tag || !body) {
    throw new CredentialsDecryptError("the stored value has a malformed iv, tag or ciphertext");
  }
  let json: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(tag);
    if (aad) decipher.setAAD(aad);
    json = Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    // Node's message ("unable to authenticate data") says nothing useful; ours says what to check.
    throw new CredentialsDecryptError(
      `the data was changed or TERN_ENCRYPTION_KEY is not the key it was encrypted with${otherCause ? `, ${otherCause}` : ""}`,
    );
  }
  return JSON.parse(json) as unknown;
}

/** Parses a 32-byte key written as 64 hex characters or base64; undefined when malformed. */
function parseKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  return decodePart(trimmed, KEY_BYTES);
}

export interface LoadEncryptionKeyOptions {
  env: Record<string, string | undefined>;
  /** Embedded-mode data folder (e.g. ".tern"); the generated key lives in `<dataDir>/encryption.key`. */
  dataDir: string;
}

/**
 * Returns the 32-byte key: TERN_ENCRYPTION_KEY if set; otherwise, only in embedded mode (no
 * DATABASE_URL), a key generated once into `<dataDir>/encryption.key` (0600) and reused after.
 */
export function loadEncryptionKey({ env, dataDir }: LoadEncryptionKeyOptions): Buffer {
  const fromEnv = env.TERN_ENCRYPTION_KEY?.trim();
  if (fromEnv) {
    const key = parseKey(fromEnv);
    if (!key) {
      throw new EncryptionKeyError(`TERN_ENCRYPTION_KEY is malformed: expected ${KEY_FORMAT}; ${GENERATE_HINT}`);
    }
    return key;
  }
  if (env.DATABASE_URL?.trim()) {
    throw new EncryptionKeyError(
      "TERN_ENCRYPTION_KEY is not set: with DATABASE_URL set, Tern needs a fixed key to encrypt " +
        `cluster credentials, shared by every replica; ${GENERATE_HINT} and set it as TERN_ENCRYPTION_KEY`,
    );
  }
  return loadOrCreateKeyFile(dataDir);
}

function loadOrCreateKeyFile(dataDir: string): Buffer {
  const keyPath = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(keyPath)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Write to a private temp file, then link it into place: link fails if the key already exists,
    // so two processes starting together agree on one key and nobody reads a half-written file.
    const tmpPath = `${keyPath}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(tmpPath, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(tmpPath, keyPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(tmpPath, { force: true });
    }
  }
  const key = parseKey(fs.readFileSync(keyPath, "utf8"));
  if (!key) {
    throw new EncryptionKeyError(
      `${keyPath} is malformed: expected ${KEY_FORMAT}; restore the original file, or set TERN_ENCRYPTION_KEY`,
    );
  }
  return key;
}

let cachedKey: Buffer | undefined;

/** The process-wide key from process.env and TERN_DATA_DIR (default ".tern"), loaded once. */
export function getEncryptionKey(): Buffer {
  cachedKey ??= loadEncryptionKey({
    env: { DATABASE_URL: ternEnv().DATABASE_URL, TERN_ENCRYPTION_KEY: ternEnv().TERN_ENCRYPTION_KEY },
    dataDir: ternEnv().TERN_DATA_DIR,
  });
  return cachedKey;
}
