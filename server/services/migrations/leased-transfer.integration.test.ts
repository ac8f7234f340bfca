// Issue 8 bench "0 duplicate side effects": concurrent copies of one artifact into one bucket run once, whether
// they come from one process (single-flight) or from several replicas (the database lease); all of them succeed.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ArtifactTransfer } from "../../migrations/artifacts/artifact-transfer";
import { createS3ArtifactTransfer } from "../../migrations/artifacts/s3-artifact-transfer";
import { singleFlightTransfer } from "../../migrations/artifacts/single-flight-transfer";
import type { ObjectStoreSettings } from "../../migrations/artifacts/store-settings";
import { createArtifactStores, type ArtifactStores } from "@tern/sim/artifacts";
import { startS3Server, type S3Server } from "@tern/sim/artifacts";
import { StoreFaults } from "@tern/sim/artifacts";
import { createTestDb, type TestDb } from "../../test/test-db";
import { leasedTransfer } from "./leased-transfer";

const bytes = randomBytes(1 << 20);
const sha256 = createHash("sha256").update(bytes).digest("hex");
const KEY = "models/credit-risk/1.0.0/model.onnx";
const N = 8;

let db: TestDb;
let root: string;
let stores: ArtifactStores;
let server: S3Server;
const faults = new StoreFaults();
let src: ObjectStoreSettings;
let dst: ObjectStoreSettings;
const keys = (id: string) => ({
  accessKeyId: `AK${id.replace(/-/g, "").toUpperCase()}`,
  secretAccessKey: `secret-${id}`,
});

beforeAll(async () => {
  db = await createTestDb();
  root = await mkdtemp(path.join(tmpdir(), "tern-once-"));
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
  src = { endpoint: server.endpoint, bucket: "aws-us-east-1", region: "us-east-1", ...keys("aws-us-east-1") };
  dst = { endpoint: server.endpoint, bucket: "gcp-europe-west4", region: "europe-west4", ...keys("gcp-europe-west4") };
  await stores.put(`sim://aws-us-east-1/${KEY}`, bytes);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
  if (root) await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await stores.delete(`sim://gcp-europe-west4/${KEY}`);
  // Slow enough (~250 ms a copy) that the copies really overlap.
  faults.setBandwidth("aws-us-east-1", 4 << 20);
});

const request = () => ({
  source: { store: src, uri: `s3://aws-us-east-1/${KEY}` },
  target: { store: dst },
  sha256,
  sizeBytes: bytes.length,
});

async function copyConcurrently(transfers: ArtifactTransfer[]) {
  const before = server.requests().PUT;
  const results = await Promise.all(transfers.map((t) => t.copy(request())));
  return { results, puts: server.requests().PUT - before };
}

describe("one copy per artifact and target bucket", () => {
  it("control: without coordination, concurrent copies each PUT (what the bench counted as duplicates)", async () => {
    const plain = createS3ArtifactTransfer();
    const { puts } = await copyConcurrently(Array.from({ length: N }, () => plain));
    expect(puts).toBeGreaterThan(1);
  });

  it("in one process: one PUT, the others wait and find the verified object", async () => {
    const once = singleFlightTransfer(
      leasedTransfer({ prisma: db.prisma, inner: createS3ArtifactTransfer(), pollMs: 20 }),
    );
    const { results, puts } = await copyConcurrently(Array.from({ length: N }, () => once));
    expect(puts).toBe(1);
    expect(results.filter((r) => !r.skipped)).toHaveLength(1);
    expect(results.every((r) => r.sha256 === sha256 && r.targetUri === `s3://gcp-europe-west4/${KEY}`)).toBe(true);
    expect(await stores.head(`sim://gcp-europe-west4/${KEY}`)).toEqual({ size: bytes.length, sha256 });
  });

  it("across replicas (each with its own client and single-flight map): the lease lets one copy run", async () => {
    const replicas = Array.from({ length: N }, (_, i) =>
      singleFlightTransfer(
        leasedTransfer({ prisma: db.prisma, inner: createS3ArtifactTransfer(), holder: `replica-${i}`, pollMs: 20 }),
      ),
    );
    const { results, puts } = await copyConcurrently(replicas);
    expect(puts).toBe(1);
    expect(results.filter((r) => !r.skipped)).toHaveLength(1);
    expect(await stores.head(`sim://gcp-europe-west4/${KEY}`)).toEqual({ size: bytes.length, sha256 });
  });

  it("a failed copy does not stop the next: waiters then copy themselves", async () => {
    faults.setOutage("gcp-europe-west4", true);
    const once = singleFlightTransfer(
      leasedTransfer({ prisma: db.prisma, inner: createS3ArtifactTransfer(), pollMs: 20 }),
    );
    const first = once.copy(request());
    const second = once.copy(request());
    await expect(first).rejects.toMatchObject({ code: "StoreUnavailable" });
    faults.setOutage("gcp-europe-west4", false);
    // The waiter started its own attempt once the first had failed; by then the store may be back or not.
    await second.then(
      (r) => expect(r.skipped).toBe(false),
      (e: unknown) => expect(e).toMatchObject({ code: "StoreUnavailable" }),
    );
    expect((await once.copy(request())).sha256).toBe(sha256);
  });
});
