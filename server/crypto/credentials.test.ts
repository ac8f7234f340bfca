// Unit tests for credential encryption at rest and encryption-key loading.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CredentialsDecryptError,
  EncryptionKeyError,
  decryptJson,
  encryptJson,
  loadEncryptionKey,
} from "./credentials";

const secret = {
  token: "sa-token-SECRET-1234567890",
  certificateAuthorityData: "LS0tLS1CRUdJTg==",
};

function flipLastByte(cipherText: string, partIndex: number): string {
  const parts = cipherText.split(":");
  const bytes = Buffer.from(parts[partIndex] ?? "", "base64");
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  parts[partIndex] = bytes.toString("base64");
  return parts.join(":");
}

function decryptError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected decryption to fail");
}

describe("encryptJson / decryptJson", () => {
  const key = randomBytes(32);

  it("round-trips a JSON value", () => {
    const cipherText = encryptJson(secret, key);
    expect(decryptJson(cipherText, key)).toEqual(secret);
  });

  it("writes the versioned v1:<iv>:<tag>:<ciphertext> format with a 96-bit IV and no plaintext", () => {
    const cipherText = encryptJson(secret, key);
    const [version, iv, tag, body, extra] = cipherText.split(":");
    expect(version).toBe("v1");
    expect(Buffer.from(iv ?? "", "base64")).toHaveLength(12);
    expect(Buffer.from(tag ?? "", "base64")).toHaveLength(16);
    expect(body).toBeTruthy();
    expect(extra).toBeUndefined();
    expect(cipherText).not.toContain(secret.token);
  });

  it("uses a random IV, so the same value encrypts differently each time", () => {
    const a = encryptJson(secret, key);
    const b = encryptJson(secret, key);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
    expect(decryptJson(a, key)).toEqual(decryptJson(b, key));
  });

  it.each([
    ["ciphertext", 3],
    ["tag", 2],
    ["iv", 1],
  ])("detects a changed %s", (_name, partIndex) => {
    const tampered = flipLastByte(encryptJson(secret, key), partIndex);
    const error = decryptError(() => decryptJson(tampered, key));
    expect(error).toBeInstanceOf(CredentialsDecryptError);
    expect(error.message).toMatch(/credentials could not be decrypted/);
  });

  it("refuses a wrong key without revealing plaintext or key material", () => {
    const cipherText = encryptJson(secret, key);
    const wrongKey = randomBytes(32);
    const error = decryptError(() => decryptJson(cipherText, wrongKey));
    expect(error).toBeInstanceOf(CredentialsDecryptError);
    expect(error.message).toMatch(/credentials could not be decrypted/);
    expect(error.message).toMatch(/TERN_ENCRYPTION_KEY/);
    for (const leak of [secret.token, key.toString("base64"), wrongKey.toString("base64"), key.toString("hex")]) {
      expect(error.message).not.toContain(leak);
    }
  });

  it.each([
    ["an unknown version", (c: string) => c.replace(/^v1:/, "v2:")],
    ["a missing part", (c: string) => c.split(":").slice(0, 3).join(":")],
    [
      "a truncated tag",
      (c: string) => {
        const p = c.split(":");
        p[2] = Buffer.from(p[2] ?? "", "base64")
          .subarray(0, 8)
          .toString("base64");
        return p.join(":");
      },
    ],
    ["non-base64 text", (c: string) => `${c.slice(0, -4)}!!!!`],
  ])("refuses %s", (_name, mangle) => {
    const error = decryptError(() => decryptJson(mangle(encryptJson(secret, key)), key));
    expect(error).toBeInstanceOf(CredentialsDecryptError);
    expect(error.message).toMatch(/credentials could not be decrypted/);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptJson(secret, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("loadEncryptionKey", () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tern-key-")), "data", ".tern");
  });

  afterEach(() => {
    fs.rmSync(path.dirname(path.dirname(dataDir)), {
      recursive: true,
      force: true,
    });
  });

  it("reads a base64 TERN_ENCRYPTION_KEY", () => {
    const raw = randomBytes(32);
    const key = loadEncryptionKey({
      env: { TERN_ENCRYPTION_KEY: raw.toString("base64") },
      dataDir,
    });
    expect(key.equals(raw)).toBe(true);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("reads a hex TERN_ENCRYPTION_KEY, also with DATABASE_URL set", () => {
    const raw = randomBytes(32);
    const env = {
      TERN_ENCRYPTION_KEY: `${raw.toString("hex")}\n`,
      DATABASE_URL: "postgresql://db/tern",
    };
    expect(loadEncryptionKey({ env, dataDir }).equals(raw)).toBe(true);
  });

  it.each([
    ["too short base64", randomBytes(16).toString("base64")],
    ["too long base64", randomBytes(48).toString("base64")],
    ["63 hex characters", randomBytes(32).toString("hex").slice(1)],
    ["a passphrase", "correct horse battery staple"],
  ])("explains the expected format for a malformed key (%s)", (_name, value) => {
    let message = "";
    try {
      loadEncryptionKey({ env: { TERN_ENCRYPTION_KEY: value }, dataDir });
    } catch (error) {
      expect(error).toBeInstanceOf(EncryptionKeyError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/TERN_ENCRYPTION_KEY is malformed/);
    expect(message).toMatch(/base64/);
    expect(message).toMatch(/64 hex characters/);
    expect(message).toMatch(/openssl rand -base64 32/);
    expect(message).not.toContain(value);
  });

  it("generates a key file with mode 0600 in a 0700 folder in embedded mode, and reuses it", () => {
    const first = loadEncryptionKey({ env: {}, dataDir });
    expect(first).toHaveLength(32);
    const keyPath = path.join(dataDir, "encryption.key");
    expect(fs.statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(dataDir)).toEqual(["encryption.key"]);

    const second = loadEncryptionKey({ env: {}, dataDir });
    expect(second.equals(first)).toBe(true);
    const cipherText = encryptJson(secret, first);
    expect(decryptJson(cipherText, second)).toEqual(secret);
  });

  it("keeps an existing key file rather than overwriting it", () => {
    const raw = randomBytes(32);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, "encryption.key"), raw.toString("base64"), { mode: 0o600 });
    expect(loadEncryptionKey({ env: {}, dataDir }).equals(raw)).toBe(true);
  });

  it("refuses a corrupted key file instead of replacing it", () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, "encryption.key"), "not a key", {
      mode: 0o600,
    });
    expect(() => loadEncryptionKey({ env: {}, dataDir })).toThrow(/encryption\.key is malformed/);
    expect(fs.readFileSync(path.join(dataDir, "encryption.key"), "utf8")).toBe("not a key");
  });

  it("requires TERN_ENCRYPTION_KEY when DATABASE_URL is set, and writes no key file", () => {
    const env = { DATABASE_URL: "postgresql://tern@db:5432/tern" };
    expect(() => loadEncryptionKey({ env, dataDir })).toThrow(EncryptionKeyError);
    expect(() => loadEncryptionKey({ env, dataDir })).toThrow(/set it as TERN_ENCRYPTION_KEY/);
    expect(() => loadEncryptionKey({ env, dataDir })).toThrow(/openssl rand -base64 32/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe("getEncryptionKey", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("loads the key from process.env once per process", async () => {
    const raw = randomBytes(32);
    vi.stubEnv("TERN_ENCRYPTION_KEY", raw.toString("base64"));
    vi.resetModules();
    const { getEncryptionKey } = await import("./credentials");
    const first = getEncryptionKey();
    expect(first.equals(raw)).toBe(true);
    vi.stubEnv("TERN_ENCRYPTION_KEY", randomBytes(32).toString("base64"));
    expect(getEncryptionKey()).toBe(first);
  });

  it("throws for production without a key, and does not cache the failure", async () => {
    vi.stubEnv("TERN_ENCRYPTION_KEY", "");
    vi.stubEnv("DATABASE_URL", "postgresql://db/tern");
    vi.resetModules();
    const { getEncryptionKey } = await import("./credentials");
    expect(() => getEncryptionKey()).toThrow(/TERN_ENCRYPTION_KEY is not set/);
    const raw = randomBytes(32);
    vi.stubEnv("TERN_ENCRYPTION_KEY", raw.toString("hex"));
    // Settings are read once (server/env.ts); a process that gets a key re-reads them.
    (await import("../env")).resetEnv();
    expect(getEncryptionKey().equals(raw)).toBe(true);
  });
});
