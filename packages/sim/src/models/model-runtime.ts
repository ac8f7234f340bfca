// Runs real ONNX artifacts for the simulated model servers: load (sessions cached by sha256, so many
// simulated pods of one version share one session), OIP v2 metadata and inference.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InferenceSession, type Tensor } from "onnxruntime-node";
import { validateInferRequest } from "./oip-request";
import type { InferResponse, ModelMetadata, OipTensor, TensorSpec } from "@tern/oip";
import { ModelLoadError, oipDatatypeOf } from "./oip-types";

export * from "./oip-types";
export { createInferenceHandler, type InferenceHandlerOptions, type InferenceEvent } from "./inference-handler";
export { MAX_REQUEST_ELEMENTS } from "./oip-request";

export interface LoadedModel {
  readonly name: string;
  readonly version: string;
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly session: InferenceSession;
}

export interface LoadModelOptions {
  /** Defaults to the folder layout `<name>/<version>/model.onnx` used by the demo and the stores. */
  name?: string;
  version?: string;
}

const sessions = new Map<string, Promise<InferenceSession>>();

// One intra-op thread: the simulator runs many pods on a 2-core machine; ORT's default would
// start a thread pool per session and oversubscribe the CPU.
const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ["cpu"],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: "all",
};

function sessionFor(sha256: string, bytes: Buffer): Promise<InferenceSession> {
  let pending = sessions.get(sha256);
  if (!pending) {
    pending = InferenceSession.create(bytes, SESSION_OPTIONS);
    sessions.set(sha256, pending);
    // A failed load must not poison the cache: the artifact may be fixed (re-copied) and retried.
    pending.catch(() => sessions.delete(sha256));
  }
  return pending;
}

function specsOf(
  names: readonly string[],
  metadata: readonly InferenceSession.ValueMetadata[],
  file: string,
): TensorSpec[] {
  return names.map((name, i) => {
    const m = metadata[i];
    const datatype = m?.isTensor ? oipDatatypeOf(m.type) : undefined;
    if (!m?.isTensor || !datatype)
      throw new ModelLoadError(file, `value "${name}" has a type this runtime cannot serve`);
    return { name, datatype, shape: m.shape.map((d) => (typeof d === "number" && d >= 0 ? d : -1)) };
  });
}

export async function loadModel(file: string, opts: LoadModelOptions = {}): Promise<LoadedModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ModelLoadError(
      file,
      (e as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : String(e),
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let session: InferenceSession;
  try {
    session = await sessionFor(sha256, bytes);
  } catch (e) {
    throw new ModelLoadError(file, e instanceof Error ? e.message : String(e));
  }
  const versionDir = path.dirname(path.resolve(file));
  return {
    name: opts.name ?? path.basename(path.dirname(versionDir)),
    version: opts.version ?? path.basename(versionDir),
    path: file,
    sha256,
    sizeBytes: bytes.length,
    inputs: specsOf(session.inputNames, session.inputMetadata, file),
    outputs: specsOf(session.outputNames, session.outputMetadata, file),
    session,
  };
}

/** Releases every cached session; for tests and shutdown (models loaded before become unusable). */
export async function clearModelCache(): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.allSettled(all.map(async (s) => (await s).release()));
}

export function modelMetadata(model: LoadedModel): ModelMetadata {
  return {
    name: model.name,
    versions: [model.version],
    platform: "onnxruntime_onnx",
    inputs: model.inputs.map((s) => ({ ...s, shape: [...s.shape] })),
    outputs: model.outputs.map((s) => ({ ...s, shape: [...s.shape] })),
  };
}

function toOipTensor(name: string, t: Tensor): OipTensor {
  const datatype = oipDatatypeOf(t.type) ?? t.type.toUpperCase();
  const raw = t.data;
  const data: (number | boolean)[] =
    t.type === "bool"
      ? Array.from(raw as Uint8Array, (v) => v !== 0)
      : raw instanceof BigInt64Array || raw instanceof BigUint64Array
        ? Array.from(raw, (v) => Number(v))
        : Array.from(raw as ArrayLike<number>);
  return { name, shape: [...t.dims], datatype, data };
}

/**
 * Runs one OIP v2 infer request (an InferRequest, or any parsed JSON body: it is validated first and
 * rejected with an InferenceRequestError naming the problem).
 */
export async function infer(model: LoadedModel, request: unknown): Promise<InferResponse> {
  const { id, feeds, outputNames } = validateInferRequest(model, request);
  const results = await model.session.run(feeds, outputNames);
  const outputs = outputNames.map((name) => {
    const t = results[name];
    if (!t) throw new Error(`model ${model.name} produced no output "${name}"`);
    return toOipTensor(name, t);
  });
  return { model_name: model.name, model_version: model.version, ...(id === undefined ? {} : { id }), outputs };
}
