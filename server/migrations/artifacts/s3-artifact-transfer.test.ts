// ArtifactTransfer through the real @aws-sdk/client-s3 against the simulator's S3 endpoint: verified copies,
// idempotent retries, and every refusal leaving nothing at the target.
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArtifactStores, type ArtifactStores } from "@tern/sim/artifacts";
import { startS3Server, type S3Server } from "@tern/sim/artifacts";
import { StoreFaults } from "@tern/sim/artifacts";
import { ArtifactTransferError } from "./artifact-transfer";
import { createS3ArtifactTransfer } from "./s3-artifact-transfer";
import { s3ClientFor, type ObjectStoreSettings } from "./store-settings";

const bytes = randomBytes(1 << 20);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const KEY = "models/credit-risk/1.0.0/model.onnx";

let root: string;
let stores: ArtifactStores;
let server: S3Server;
const faults = new StoreFaults();
let aws: ObjectStoreSettings;
let gcp: ObjectStoreSettings;
const transfer = createS3ArtifactTransfer();

const keys = (id: string) => ({
  accessKeyId: `AK${id.toUpperCase().replace(/-/g, "")}`.slice(0, 20),
  secretAccessKey: `secret-of-${id}`,
});

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "tern-s3-"));
  stores = createArtifactStores(root);
  server = await startS3Server({
    port: 0,
    stores,
    faults,
    buckets: [
      { cloudId: "aws-us-east-1", region: "us-east-1", ...keys("aws-us-east-1") },
      { cloudId: "gcp-europe-west4", region: "europe-west4", ...keys("gcp-europe-west4") },
    ],
  });
  aws = { endpoint: server.endpoint, bucket: "aws-us-east-1", region: "us-east-1", ...keys("aws-us-east-1") };
  gcp = { endpoint: server.endpoint, bucket: "gcp-europe-west4", region: "europe-west4", ...keys("gcp-europe-west4") };
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  faults.clear();
  await rm(path.join(root, "gcp-europe-west4"), { recursive: true, force: true });
  await stores.put(`sim://aws-us-east-1/${KEY}`, bytes);
});

const listTarget = async () =>
  (await readdir(path.join(root, "gcp-europe-west4"), { recursive: true }).catch(() => [])).filter(
    (f) => f.endsWith(".onnx") || f.endsWith(".tmp"),
  );
/** Files in the target store, once an aborted upload's temp file (the store's own cleanup) is gone. */
async function targetFiles(): Promise<string[]> {
  // An aborted upload's temp file is removed asynchronously by the store; give it up to 5 s on a loaded machine.
  for (let i = 0; i < 250 && (await listTarget()).some((f) => f.endsWith(".tmp")); i++)
    await new Promise((r) => setTimeout(r, 20));
  return listTarget();
}
const request = (over: Partial<Parameters<typeof transfer.copy>[0]> = {}) => ({
  source: { store: aws, uri: `s3://aws-us-east-1/${KEY}` },
  target: { store: gcp },
  sha256: sha(bytes),
  sizeBytes: bytes.length,
  ...over,
});
async function refusal(p: Promise<unknown>): Promise<ArtifactTransferError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof ArtifactTransferError)) throw new Error(`expected an ArtifactTransferError, got ${String(e)}`);
  return e;
}

describe("S3 artifact transfer", () => {
  it("copies across clouds, verified, and skips the second time", async () => {
    const seen: number[] = [];
    const r = await transfer.copy(request({ onProgress: (n) => seen.push(n) }));
    expect(r).toMatchObject({
      targetUri: `s3://gcp-europe-west4/${KEY}`,
      sha256: sha(bytes),
      sizeBytes: bytes.length,
      skipped: false,
    });
    expect((await stores.get(`sim://gcp-europe-west4/${KEY}`)).equals(bytes)).toBe(true);
    expect(seen.at(-1)).toBe(bytes.length);
    const again = await transfer.copy(request({ source: { store: aws, uri: `sim://aws-us-east-1/${KEY}` } }));
    expect(again.skipped).toBe(true);
    expect(await targetFiles()).toEqual([path.join("models", "credit-risk", "1.0.0", "model.onnx")]);
  });

  it("refuses a sha256 mismatch and leaves nothing at the target", async () => {
    const e = await refusal(transfer.copy(request({ sha256: sha(Buffer.from("another model")) })));
    expect(e.code).toBe("BadDigest");
    expect(e.retryable).toBe(false);
    expect(await stores.head(`sim://gcp-europe-west4/${KEY}`)).toBeNull();
    expect(await targetFiles()).toEqual([]);
  });

  it("refuses a source of another size than the version's", async () => {
    const e = await refusal(transfer.copy(request({ sizeBytes: bytes.length + 1 })));
    expect(e.code).toBe("SizeMismatch");
    expect(e.message).toMatch(/is 1048576 bytes, but the version says 1048577/);
    expect(await targetFiles()).toEqual([]);
  });

  it("refuses a source stream cut off mid-copy (truncation)", async () => {
    // A proxy in front of the store that drops the connection halfway through every GET body.
    const cutter = http.createServer((req, res) => {
      const up = http.request(
        { host: "127.0.0.1", port: server.port, path: req.url, method: req.method, headers: req.headers },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          let sent = 0;
          upRes.on("data", (c: Buffer) => {
            if (req.method === "GET" && sent + c.length > bytes.length / 2) return res.destroy();
            sent += c.length;
            res.write(c);
          });
          upRes.on("end", () => res.end());
        },
      );
      req.pipe(up);
    });
    await new Promise<void>((r) => cutter.listen(0, "127.0.0.1", r));
    const viaCutter = { ...aws, endpoint: `http://127.0.0.1:${(cutter.address() as AddressInfo).port}` };
    try {
      const e = await refusal(
        transfer.copy(request({ source: { store: viaCutter, uri: `s3://aws-us-east-1/${KEY}` } })),
      );
      expect(e.code).toBe("Truncated");
      expect(await targetFiles()).toEqual([]);
    } finally {
      cutter.closeAllConnections();
      await new Promise((r) => cutter.close(r));
    }
  });

  it("lets the store itself refuse wrong bytes (BadDigest) when a client sends a checksum", async () => {
    const err = await s3ClientFor(gcp)
      .send(
        new PutObjectCommand({
          Bucket: gcp.bucket,
          Key: KEY,
          Body: bytes,
          ChecksumSHA256: Buffer.from(sha(Buffer.from("x")), "hex").toString("base64"),
        }),
      )
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(err?.name).toBe("BadDigest");
    expect(await targetFiles()).toEqual([]);
  });

  it("names a missing source object and its store", async () => {
    const e = await refusal(
      transfer.copy(request({ source: { store: aws, uri: "s3://aws-us-east-1/models/nope/1.0.0/model.onnx" } })),
    );
    expect(e.code).toBe("NoSuchKey");
    expect(e.message).toBe(
      `models/nope/1.0.0/model.onnx does not exist in bucket aws-us-east-1 at ${server.endpoint}; check the version's artifact URI or upload the artifact there`,
    );
  });

  it("reports a store outage as retryable and writes nothing", async () => {
    faults.setOutage("gcp-europe-west4", true);
    const e = await refusal(transfer.copy(request()));
    expect(e).toMatchObject({ code: "StoreUnavailable", retryable: true });
    expect(e.message).toMatch(/is unavailable \(HTTP 503/);
    faults.setOutage("gcp-europe-west4", false);
    expect(await targetFiles()).toEqual([]);
    expect((await transfer.copy(request())).skipped).toBe(false);
  });

  it("refuses another cloud's keys and a URI outside the source's bucket", async () => {
    const e = await refusal(transfer.copy(request({ target: { store: { ...gcp, ...keys("aws-us-east-1") } } })));
    expect(e.code).toBe("AccessDenied");
    const wrongSecret = await refusal(
      transfer.copy(request({ target: { store: { ...gcp, secretAccessKey: "guess" } } })),
    );
    expect(wrongSecret.message).toMatch(/refused Tern's keys/);
    expect(
      (await refusal(transfer.copy(request({ source: { store: aws, uri: `s3://gcp-europe-west4/${KEY}` } })))).code,
    ).toBe("InvalidURI");
  });

  it("copies at the store's bandwidth when it is throttled (slow copy)", async () => {
    faults.setBandwidth("aws-us-east-1", 4 << 20);
    const t0 = performance.now();
    await transfer.copy(request());
    expect(performance.now() - t0).toBeGreaterThan(200);
  });
});
