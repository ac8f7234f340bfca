// The OIP v2 HTTP endpoints over a real node:http server on an ephemeral port.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { compareOutputs } from "@tern/oip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArtifactPath, readDemoGoldenSet, type GoldenCase } from "./demo-files";
import { findDemoModel } from "./demo-manifest";
import {
  clearModelCache,
  createInferenceHandler,
  loadModel,
  type InferenceEvent,
  type LoadedModel,
} from "./model-runtime";

let server: Server;
let base = "";
let ready = true;
let golden: GoldenCase[] = [];
const events: InferenceEvent[] = [];

beforeAll(async () => {
  const entry = findDemoModel("credit-risk", "1.0.0");
  if (!entry) throw new Error("credit-risk@1.0.0 missing from the demo manifest");
  const model: LoadedModel = await loadModel(demoArtifactPath(entry));
  golden = await readDemoGoldenSet(entry);
  const handler = createInferenceHandler({
    getModel: (name) => (name === "credit-risk" ? model : undefined),
    extraLatencyMs: () => 30,
    isReady: () => ready,
    onInference: (e) => events.push(e),
    maxBodyBytes: 64 * 1024,
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await clearModelCache();
});

async function call(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    body,
    headers: body === undefined ? {} : { "content-type": "application/json" },
  });
  expect(res.headers.get("content-type")).toBe("application/json");
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** A JSON error answer with this status whose message matches. */
async function expectError(method: string, path: string, body: string | undefined, status: number, message: RegExp) {
  const res = await call(method, path, body);
  expect(res.status).toBe(status);
  expect(res.json.error).toMatch(message);
  return res;
}

describe("OIP v2 HTTP handler", () => {
  it("serves liveness, readiness and server metadata", async () => {
    expect(await call("GET", "/v2/health/live")).toMatchObject({ status: 200, json: { live: true } });
    expect(await call("GET", "/v2/health/ready")).toMatchObject({ status: 200, json: { ready: true } });
    ready = false;
    expect(await call("GET", "/v2/health/ready")).toMatchObject({ status: 503, json: { ready: false } });
    ready = true;
    expect(await call("GET", "/v2")).toMatchObject({ status: 200, json: { name: "tern-sim-onnx" } });
  });

  it("serves model metadata and model readiness, 404 for other models and versions", async () => {
    expect(await call("GET", "/v2/models/credit-risk")).toMatchObject({
      status: 200,
      json: {
        name: "credit-risk",
        versions: ["1.0.0"],
        platform: "onnxruntime_onnx",
        inputs: [{ name: "features", datatype: "FP32", shape: [-1, 8] }],
      },
    });
    expect(await call("GET", "/v2/models/credit-risk/ready")).toMatchObject({
      status: 200,
      json: { name: "credit-risk", ready: true },
    });
    expect(await call("GET", "/v2/models/credit-risk/versions/1.0.0/ready")).toMatchObject({ status: 200 });
    await expectError(
      "GET",
      "/v2/models/credit-risk/versions/2.0.0",
      undefined,
      404,
      /version "2.0.0" is not served here/,
    );
    await expectError("GET", "/v2/models/ranker/ready", undefined, 404, /^model "ranker" is not served here$/);
    await expectError("GET", "/v2/nothing", undefined, 404, /no such endpoint: GET \/v2\/nothing/);
  });

  it("answers an infer request like the golden set, after the extra latency", async () => {
    const c = golden[2];
    if (!c) throw new Error("golden case missing");
    const started = performance.now();
    const { status, json } = await call(
      "POST",
      "/v2/models/credit-risk/versions/1.0.0/infer",
      JSON.stringify({ id: "r1", ...c.input }),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(status).toBe(200);
    expect(json).toMatchObject({ model_name: "credit-risk", model_version: "1.0.0", id: "r1" });
    expect(compareOutputs(c.expected, json as unknown as GoldenCase["expected"], c.tolerance).match).toBe(true);
    expect(events.at(-1)).toMatchObject({ model: "credit-risk", statusCode: 200 });
    expect(events.at(-1)?.durationMs).toBeGreaterThanOrEqual(25);
  });

  it("returns 400 with a clear error for bad requests, and counts them as errors", async () => {
    const wrongShape = JSON.stringify({
      inputs: [{ name: "features", shape: [1, 3], datatype: "FP32", data: [1, 2, 3] }],
    });
    await expectError(
      "POST",
      "/v2/models/credit-risk/infer",
      wrongShape,
      400,
      /shape \[1,3\] does not match the model's \[-1,8\]/,
    );
    expect(events.at(-1)).toMatchObject({ model: "credit-risk", statusCode: 400 });
    await expectError("POST", "/v2/models/credit-risk/infer", "{not json", 400, /not valid JSON/);
    await expectError("POST", "/v2/models/credit-risk/infer", "", 400, /body is empty/);
    await expectError("POST", "/v2/models/ranker/infer", "{}", 404, /not served here/);
    await expectError("POST", "/v2/models/%E0%A4%A/infer", "{}", 400, /bad URL encoding/);
  });

  it("refuses oversized bodies with 413 and wrong methods with 405", async () => {
    const big = JSON.stringify({
      inputs: [{ name: "features", shape: [1, 8], datatype: "FP32", data: Array<number>(500_000).fill(0.5) }],
    });
    await expectError("POST", "/v2/models/credit-risk/infer", big, 413, /larger than 65536 bytes/);
    const r = await expectError("GET", "/v2/models/credit-risk/infer", undefined, 405, /^use POST for this endpoint$/);
    expect(r.headers.get("allow")).toBe("POST");
    await expectError("POST", "/v2/health/live", "{}", 405, /use GET/);
  });
});
