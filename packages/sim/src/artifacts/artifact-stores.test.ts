// Object stores per simulated cloud: URIs, atomic writes, and the sha256-verified copy migrations use.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createArtifactStores, type ArtifactStores } from "./artifact-stores";
import { ArtifactIntegrityError, ArtifactNotFoundError, ArtifactUriError } from "./errors";
import { simUri } from "./sim-uri";

const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const SRC = "sim://aws-us-east-1/models/credit-risk/1.0.0/model.onnx";
const DST = "sim://gcp-europe-west4/models/credit-risk/1.0.0/model.onnx";

let root = "";
let stores: ArtifactStores;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "tern-stores-"));
  stores = createArtifactStores(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Every file under dir, relative, to prove no temp file was left behind. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("sim:// URIs", () => {
  it("resolves a cloud id and key, and maps it under the cloud's folder", () => {
    expect(stores.resolve(SRC)).toEqual({ cloudId: "aws-us-east-1", path: "models/credit-risk/1.0.0/model.onnx" });
    expect(stores.localPath(SRC)).toBe(
      path.join(root, "aws-us-east-1", "models", "credit-risk", "1.0.0", "model.onnx"),
    );
    expect(simUri("onprem-dc1", "a/b.onnx")).toBe("sim://onprem-dc1/a/b.onnx");
  });

  it.each([
    ["", /empty/],
    ["s3://bucket/model.onnx", /must start with sim:\/\//],
    ["sim://", /cloud id ""/],
    ["sim://AWS/model.onnx", /cloud id "AWS"/],
    ["sim://aws-us-east-1", /no object path/],
    ["sim://aws-us-east-1/", /no object path/],
    ["sim://aws-us-east-1/models//m.onnx", /empty segment/],
    ["sim://aws-us-east-1/models/", /empty segment/],
    ["sim://aws-us-east-1/../gcp/m.onnx", /'\.\.' segments/],
    ["sim://aws-us-east-1/models/.hidden", /may not start with '\.'/],
    ["sim://aws-us-east-1/models/a b.onnx", /segment "a b.onnx"/],
    ["sim://aws-us-east-1/models\\..\\x", /segment/],
    ["sim://aws-us-east-1/m.onnx?versionId=1", /segment/],
  ])("rejects %j", async (uri, reason) => {
    expect(() => stores.resolve(uri)).toThrow(ArtifactUriError);
    expect(() => stores.resolve(uri)).toThrow(reason);
    await expect(stores.get(uri)).rejects.toBeInstanceOf(ArtifactUriError);
    await expect(stores.put(uri, "x")).rejects.toBeInstanceOf(ArtifactUriError);
  });
});

describe("get, head, put, delete", () => {
  it("stores an object and reports its size and sha256", async () => {
    expect(await stores.put(SRC, "model-bytes")).toEqual({ size: 11, sha256: sha("model-bytes") });
    expect((await stores.get(SRC)).toString()).toBe("model-bytes");
    expect(await stores.head(SRC)).toEqual({ size: 11, sha256: sha("model-bytes") });
    expect(await filesUnder(root)).toEqual([
      path.join("aws-us-east-1", "models", "credit-risk", "1.0.0", "model.onnx"),
    ]);
  });

  it("notices an object replaced behind its back", async () => {
    await stores.put(SRC, "one");
    expect((await stores.head(SRC))?.sha256).toBe(sha("one"));
    await writeFile(stores.localPath(SRC), "two!");
    expect(await stores.head(SRC)).toEqual({ size: 4, sha256: sha("two!") });
  });

  it("answers NoSuchKey for a missing object, in another cloud too", async () => {
    await stores.put(SRC, "x");
    const err: unknown = await stores.get(DST).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactNotFoundError);
    expect(err).toMatchObject({ code: "NoSuchKey", uri: DST });
    expect(await stores.head(DST)).toBeNull();
    // A "folder" is not an object.
    await expect(stores.get("sim://aws-us-east-1/models/credit-risk")).rejects.toBeInstanceOf(ArtifactNotFoundError);
    expect(await stores.head("sim://aws-us-east-1/models")).toBeNull();
  });

  it("deletes objects", async () => {
    await stores.put(SRC, "x");
    expect(await stores.delete(SRC)).toBe(true);
    expect(await stores.delete(SRC)).toBe(false);
    expect(await stores.head(SRC)).toBeNull();
  });
});

describe("copy", () => {
  const bytes = Buffer.from("pretend this is a large ONNX file ".repeat(10_000));

  it("copies across clouds when the sha256 matches", async () => {
    await stores.put(SRC, bytes);
    expect(await stores.copy(SRC, DST, { expectedSha256: sha(bytes).toUpperCase() })).toEqual({
      size: bytes.length,
      sha256: sha(bytes),
    });
    expect((await stores.get(DST)).equals(bytes)).toBe(true);
    expect(await stores.head(DST)).toEqual({ size: bytes.length, sha256: sha(bytes) });
    // Copying again (a retried migration step) is harmless.
    await stores.copy(SRC, DST, { expectedSha256: sha(bytes) });
    expect((await filesUnder(root)).sort()).toEqual([
      path.join("aws-us-east-1", "models", "credit-risk", "1.0.0", "model.onnx"),
      path.join("gcp-europe-west4", "models", "credit-risk", "1.0.0", "model.onnx"),
    ]);
  });

  it("refuses a sha256 mismatch and leaves no file, not even a partial one", async () => {
    await stores.put(SRC, bytes);
    const err: unknown = await stores
      .copy(SRC, DST, { expectedSha256: sha("something else") })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactIntegrityError);
    expect(err).toMatchObject({ code: "BadDigest", expectedSha256: sha("something else"), actualSha256: sha(bytes) });
    expect(await stores.head(DST)).toBeNull();
    expect(await filesUnder(path.join(root, "gcp-europe-west4"))).toEqual([]);
  });

  it("keeps an existing destination intact when a copy is refused", async () => {
    await stores.put(SRC, bytes);
    await stores.put(DST, "old version");
    await expect(stores.copy(SRC, DST, { expectedSha256: sha("wrong") })).rejects.toBeInstanceOf(
      ArtifactIntegrityError,
    );
    expect((await stores.get(DST)).toString()).toBe("old version");
    expect(await filesUnder(path.join(root, "gcp-europe-west4"))).toHaveLength(1);
  });

  it("answers NoSuchKey for a missing source and rejects a malformed sha256", async () => {
    await expect(stores.copy(SRC, DST, { expectedSha256: sha("x") })).rejects.toBeInstanceOf(ArtifactNotFoundError);
    await stores.put(SRC, bytes);
    await expect(stores.copy(SRC, DST, { expectedSha256: "abc" })).rejects.toThrow(/64 hexadecimal characters/);
    await expect(stores.copy(SRC, "sim://gcp/../x", { expectedSha256: sha(bytes) })).rejects.toBeInstanceOf(
      ArtifactUriError,
    );
    expect(await filesUnder(path.join(root, "gcp-europe-west4"))).toEqual([]);
  });
});

describe("putStream", () => {
  // Odd-sized chunks over many write batches (several writes in flight at explicit offsets, write-back started
  // early): the object must come out byte for byte, in order.
  function chunks(data: Buffer, size: number): AsyncIterable<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (let off = 0; off < data.length; off += size) parts.push(data.subarray(off, Math.min(data.length, off + size)));
    return Readable.from(parts);
  }
  const big = Buffer.alloc(70 << 20);
  for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);

  it("writes a many-batch stream in order and verifies it", async () => {
    const info = await stores.putStream(DST, chunks(big, 65_537), {
      expectedSize: big.length,
      expectedSha256: sha(big),
    });
    expect(info).toEqual({ size: big.length, sha256: sha(big) });
    expect((await stores.get(DST)).equals(big)).toBe(true);
    expect(await filesUnder(path.join(root, "gcp-europe-west4"))).toHaveLength(1);
  });

  it("refuses a wrong digest or a short body after many batches and leaves no file", async () => {
    await expect(
      stores.putStream(DST, chunks(big, 1 << 20), { expectedSize: big.length, expectedSha256: sha("other") }),
    ).rejects.toBeInstanceOf(ArtifactIntegrityError);
    await expect(
      stores.putStream(DST, chunks(big.subarray(0, big.length - 1), 1 << 20), { expectedSize: big.length }),
    ).rejects.toThrow();
    expect(await filesUnder(path.join(root, "gcp-europe-west4"))).toEqual([]);
  });
});
