// The S3 client's connections go through the SSRF guard: a store endpoint whose name resolves to a metadata
// address (DNS rebinding after the input check) is refused at connect time, and so is a metadata IP literal.
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ArtifactTransferError } from "./artifact-transfer";
import { createS3ArtifactTransfer } from "./s3-artifact-transfer";
import type { ObjectStoreSettings } from "./store-settings";

let hits = 0;
let server: http.Server;
let port = 0;
beforeAll(async () => {
  // Anything reaching this listener would be a connection the guard should have refused.
  server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const store = (endpoint: string): ObjectStoreSettings => ({
  endpoint,
  bucket: "aws-us-east-1",
  region: "us-east-1",
  accessKeyId: "AKEXAMPLE",
  secretAccessKey: "secret",
});
const copy = (endpoint: string) =>
  createS3ArtifactTransfer()
    .copy({
      source: { store: store(endpoint), uri: "s3://aws-us-east-1/models/m/1/model.onnx" },
      target: { store: store(endpoint) },
      sha256: "0".repeat(64),
      sizeBytes: 1,
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );

describe("S3 client connect-time SSRF guard", () => {
  it("refuses a store endpoint whose name resolves to 169.254.169.254 at connect time", async () => {
    const real = dns.lookup.bind(dns);
    const spy = vi.spyOn(dns, "lookup").mockImplementation(((host: string, options: unknown, cb: unknown) => {
      const callback = (typeof options === "function" ? options : cb) as (e: null, a: dns.LookupAddress[]) => void;
      if (host === "rebind.example.test") return callback(null, [{ address: "169.254.169.254", family: 4 }]);
      return (real as (...a: unknown[]) => void)(host, options, cb);
    }) as typeof dns.lookup);
    try {
      const e = await copy(`http://rebind.example.test:${port}`);
      expect(e).toBeInstanceOf(ArtifactTransferError);
      expect(e).toMatchObject({ code: "RefusedAddress", retryable: false });
      expect((e as Error).message).toMatch(
        /rebind\.example\.test resolves to 169\.254\.169\.254.*Tern does not connect to it/,
      );
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(hits).toBe(0);
  });

  it("refuses metadata IP literals, which no DNS lookup sees", async () => {
    for (const endpoint of ["http://169.254.169.254", "http://[::ffff:169.254.169.254]", "http://100.100.100.200"]) {
      const e = await copy(endpoint);
      expect(e, endpoint).toMatchObject({ code: "RefusedAddress", retryable: false });
    }
  });

  it("still reaches a loopback endpoint (the simulator's stores live there)", async () => {
    const e = await copy(`http://127.0.0.1:${port}`);
    expect(hits).toBeGreaterThan(0);
    expect(e).toMatchObject({ code: "NoSuchKey" });
  });
});
