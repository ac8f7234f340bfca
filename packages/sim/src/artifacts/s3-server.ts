// Each simulated cloud's object store over the S3 REST API, path-style (/<bucket>/<key>) on one loopback
// listener: HEAD/GET/PUT/DELETE Object with SigV4 (the bucket's own cloud's key only), x-amz-checksum-sha256
// checked on upload (BadDigest), NoSuchKey/NoSuchBucket XML errors, and the store faults (503, bandwidth).
// One bucket per cloud, named like the cloud, so s3://<cloud-id>/<key> and sim://<cloud-id>/<key> name one object.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AddressInfo } from "node:net";
import type { ArtifactStores } from "./artifact-stores";
import { ArtifactIntegrityError, ArtifactUriError, IncompleteBodyError, isMissingFileError } from "./errors";
import { verifySigV4, type S3Key } from "./s3-sigv4";
import { sendS3Error } from "./s3-xml";
import { simUri } from "./sim-uri";
import { throttle, type StoreFaults } from "./store-faults";

export interface S3Bucket extends S3Key {
  /** The cloud whose store this bucket is; also the bucket's name. */
  cloudId: string;
  region: string;
}

export interface S3Server {
  port: number;
  /** The endpoint every cloud's S3 client uses (http://127.0.0.1:<port>). */
  endpoint: string;
  /** Object requests answered so far, by method (tests count side effects: one PUT per copied artifact). */
  requests(): Readonly<Record<"HEAD" | "GET" | "PUT" | "DELETE", number>>;
  /** Objects stored by a completed PUT, by URI (sim://<cloud>/<key>): a PUT cut off mid-body stores nothing. */
  written(): Readonly<Record<string, number>>;
  close(): Promise<void>;
}

const hexToBase64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const base64ToHex = (b64: string) => Buffer.from(b64, "base64").toString("hex");

export async function startS3Server(opts: {
  port: number;
  stores: ArtifactStores;
  buckets: S3Bucket[];
  faults: StoreFaults;
}): Promise<S3Server> {
  const buckets = new Map(opts.buckets.map((b) => [b.cloudId, b]));
  const counts = { HEAD: 0, GET: 0, PUT: 0, DELETE: 0 };
  const written = new Map<string, number>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const head = method === "HEAD";
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const rawPath = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? "" : raw.slice(q);
    const slash = rawPath.indexOf("/", 1);
    const bucketName = decodeURIComponent(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
    const key = slash < 0 ? "" : decodeURIComponent(rawPath.slice(slash + 1));
    const bucket = buckets.get(bucketName);
    const fail = (status: number, code: string, message: string, extra?: Record<string, string>) =>
      sendS3Error(res, status, { code, message, resource: rawPath, ...(extra ? { extra } : {}) }, head);
    if (!bucket) return fail(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: bucketName });
    const auth = verifySigV4({
      method,
      rawPath,
      search,
      headers: req.headers,
      region: bucket.region,
      keys: new Map([[bucket.accessKeyId, bucket]]),
    });
    if (!auth.ok) return fail(403, auth.code, auth.message);
    if (opts.faults.isDown(bucket.cloudId))
      return fail(503, "ServiceUnavailable", "Service is unable to handle request (simulated object-store outage)");
    if (!key)
      return fail(
        501,
        "NotImplemented",
        "Only object operations (HEAD/GET/PUT/DELETE /<bucket>/<key>) are implemented",
      );
    let uri: string;
    try {
      uri = simUri(bucket.cloudId, key);
    } catch (e) {
      return fail(400, "InvalidArgument", e instanceof ArtifactUriError ? e.message : "invalid object key");
    }
    if (method === "HEAD" || method === "GET" || method === "PUT" || method === "DELETE") counts[method]++;
    const cap = () => opts.faults.bandwidth(bucket.cloudId);
    const noSuchKey = () => fail(404, "NoSuchKey", "The specified key does not exist.", { Key: key });

    if (method === "HEAD" || method === "GET") {
      const file = opts.stores.localPath(uri);
      let size: number;
      let mtime: Date;
      try {
        const st = await stat(file);
        if (!st.isFile()) return noSuchKey();
        size = st.size;
        mtime = st.mtime;
      } catch (e) {
        if (isMissingFileError(e)) return noSuchKey();
        throw e;
      }
      const headers: Record<string, string | number> = {
        "content-type": "application/octet-stream",
        "content-length": size,
        "last-modified": mtime.toUTCString(),
        "accept-ranges": "none",
      };
      // Checksums are returned on request (as S3 does); the store caches digests, so this is cheap after a PUT.
      if (String(req.headers["x-amz-checksum-mode"] ?? "").toUpperCase() === "ENABLED") {
        const info = await opts.stores.head(uri);
        if (!info) return noSuchKey();
        headers["x-amz-checksum-sha256"] = hexToBase64(info.sha256);
        headers.etag = `"${info.sha256.slice(0, 32)}"`;
      }
      res.writeHead(200, headers);
      if (head) return void res.end();
      const body = createReadStream(file, { highWaterMark: 4 << 20 });
      // pipeline ends the response, and destroys the file stream when the client goes away.
      await pipeline(cap() ? Readable.from(throttle(body, cap)) : body, res).catch(() => body.destroy());
      return;
    }

    if (method === "PUT") {
      if (req.headers["x-amz-copy-source"])
        return fail(501, "NotImplemented", "CopyObject is not implemented; stream GET to PUT instead");
      const length = Number(req.headers["content-length"]);
      if (req.headers["content-length"] === undefined || !Number.isInteger(length) || length < 0)
        return fail(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
      if (/aws-chunked/.test(String(req.headers["content-encoding"] ?? "")))
        return fail(
          501,
          "NotImplemented",
          "aws-chunked uploads are not implemented; send a plain body with Content-Length",
        );
      const checksum = req.headers["x-amz-checksum-sha256"];
      const expectedSha256 = typeof checksum === "string" ? base64ToHex(checksum) : undefined;
      if (expectedSha256 !== undefined && expectedSha256.length !== 64)
        return fail(400, "InvalidRequest", "Value for x-amz-checksum-sha256 header is invalid.");
      const contentSha = String(req.headers["x-amz-content-sha256"] ?? "");
      const signedPayload = /^[0-9a-f]{64}$/.test(contentSha) ? contentSha : undefined;
      try {
        const body = cap() ? throttle(req, cap) : req;
        const info = await opts.stores.putStream(uri, body, {
          expectedSize: length,
          ...(expectedSha256 ? { expectedSha256 } : signedPayload ? { expectedSha256: signedPayload } : {}),
        });
        written.set(uri, (written.get(uri) ?? 0) + 1);
        res.writeHead(200, {
          etag: `"${info.sha256.slice(0, 32)}"`,
          "x-amz-checksum-sha256": hexToBase64(info.sha256),
          "content-length": 0,
        });
        return void res.end();
      } catch (e) {
        if (e instanceof ArtifactIntegrityError)
          return expectedSha256
            ? fail(400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.")
            : fail(
                400,
                "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
              );
        if (e instanceof IncompleteBodyError)
          return fail(
            400,
            "IncompleteBody",
            "You did not provide the number of bytes specified by the Content-Length HTTP header.",
          );
        // An aborted upload (client gone): nothing was stored; there is nobody to answer.
        if (req.destroyed || res.destroyed) return;
        throw e;
      }
    }

    if (method === "DELETE") {
      await opts.stores.delete(uri);
      res.writeHead(204);
      return void res.end();
    }
    fail(405, "MethodNotAllowed", `The specified method is not allowed against this resource: ${method}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendS3Error(
          res,
          500,
          { code: "InternalError", message: e instanceof Error ? e.message : "internal error" },
          req.method === "HEAD",
        );
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0; // a throttled 1 GiB upload may take a while
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => ({ ...counts }),
    written: () => Object.fromEntries(written),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
