// Validates an OIP v2 infer request against a model's signature and turns it into onnxruntime feeds.
// Every rejection names the input and what the model expected, so a caller can fix the request.
import { Tensor } from "onnxruntime-node";
import { formatShape, isOipDatatype, type OipDatatype, type TensorSpec } from "@tern/oip";
import { InferenceRequestError, ORT_TYPE_OF } from "./oip-types";

/** Caps one request's total elements: a simulated pod should not be knocked over by one huge body. */
export const MAX_REQUEST_ELEMENTS = 1_000_000;

export interface ValidatedRequest {
  id?: string;
  feeds: Record<string, Tensor>;
  outputNames: string[];
}

interface Signature {
  name: string;
  inputs: readonly TensorSpec[];
  outputs: readonly TensorSpec[];
}

const fail = (message: string): never => {
  throw new InferenceRequestError(message);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** OIP allows data flattened or nested by shape; both become one row-major array. */
function flatten(data: unknown[], where: string): unknown[] {
  const out: unknown[] = [];
  const walk = (xs: unknown[]) => {
    for (const x of xs) {
      if (Array.isArray(x)) walk(x);
      else out.push(x);
      if (out.length > MAX_REQUEST_ELEMENTS) fail(`${where}: more than ${MAX_REQUEST_ELEMENTS} elements`);
    }
  };
  walk(data);
  return out;
}

const INT_RANGE: Partial<Record<OipDatatype, [number, number]>> = {
  UINT8: [0, 255],
  UINT16: [0, 65535],
  UINT32: [0, 4294967295],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
  INT8: [-128, 127],
  INT16: [-32768, 32767],
  INT32: [-2147483648, 2147483647],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function toTensor(datatype: OipDatatype, values: unknown[], shape: number[], where: string): Tensor {
  const type = ORT_TYPE_OF[datatype];
  if (datatype === "BOOL") {
    const bytes = values.map((v, i) =>
      v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : fail(`${where}: data[${i}] is not a boolean`),
    );
    return new Tensor(type, Uint8Array.from(bytes), shape);
  }
  const nums = values.map((v, i) =>
    typeof v === "number" && Number.isFinite(v)
      ? v
      : fail(`${where}: data[${i}] is not a finite number (got ${JSON.stringify(v)})`),
  );
  const range = INT_RANGE[datatype];
  if (range) {
    nums.forEach((v, i) => {
      if (!Number.isInteger(v) || v < range[0] || v > range[1])
        fail(`${where}: data[${i}] = ${v} is not a valid ${datatype}`);
    });
  }
  switch (datatype) {
    case "FP32":
      return new Tensor(type, Float32Array.from(nums), shape);
    case "FP64":
      return new Tensor(type, Float64Array.from(nums), shape);
    case "INT64":
      return new Tensor(
        type,
        BigInt64Array.from(nums, (v) => BigInt(v)),
        shape,
      );
    case "UINT64":
      return new Tensor(
        type,
        BigUint64Array.from(nums, (v) => BigInt(v)),
        shape,
      );
    case "INT32":
      return new Tensor(type, Int32Array.from(nums), shape);
    case "UINT32":
      return new Tensor(type, Uint32Array.from(nums), shape);
    case "INT16":
      return new Tensor(type, Int16Array.from(nums), shape);
    case "UINT16":
      return new Tensor(type, Uint16Array.from(nums), shape);
    case "INT8":
      return new Tensor(type, Int8Array.from(nums), shape);
    default:
      return new Tensor(type, Uint8Array.from(nums), shape);
  }
}

function shapeFits(expected: readonly number[], actual: readonly number[]): boolean {
  return expected.length === actual.length && expected.every((d, i) => d === -1 || d === actual[i]);
}

function validateInput(spec: TensorSpec, raw: Record<string, unknown>, where: string): Tensor {
  const { shape, datatype, data } = raw;
  if (!Array.isArray(shape) || !shape.every((d): d is number => Number.isInteger(d) && (d as number) >= 0)) {
    return fail(`${where}: "shape" must be an array of non-negative integers`);
  }
  if (!isOipDatatype(datatype))
    return fail(`${where}: "datatype" ${JSON.stringify(datatype)} is not supported; use ${spec.datatype}`);
  if (datatype !== spec.datatype)
    return fail(`${where}: datatype ${datatype} does not match the model's ${spec.datatype}`);
  if (!shapeFits(spec.shape, shape)) {
    return fail(
      `${where}: shape ${formatShape(shape)} does not match the model's ${formatShape(spec.shape)} (-1 means any size)`,
    );
  }
  if (!Array.isArray(data)) return fail(`${where}: "data" must be an array (binary tensor data is not supported)`);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > MAX_REQUEST_ELEMENTS)
    return fail(`${where}: shape ${formatShape(shape)} has more than ${MAX_REQUEST_ELEMENTS} elements`);
  const values = flatten(data, where);
  if (values.length !== count) {
    return fail(`${where}: ${values.length} data elements do not fill shape ${formatShape(shape)} (needs ${count})`);
  }
  return toTensor(datatype, values, shape, where);
}

/** Checks `body` against the model and returns onnxruntime feeds; throws InferenceRequestError. */
export function validateInferRequest(model: Signature, body: unknown): ValidatedRequest {
  if (!isRecord(body)) return fail('the request body must be a JSON object with an "inputs" array');
  const { id, inputs, outputs } = body;
  if (id !== undefined && typeof id !== "string") return fail('"id" must be a string');
  if (!Array.isArray(inputs) || inputs.length === 0) return fail('"inputs" must be a non-empty array');
  const known = model.inputs.map((i) => i.name).join(", ");
  const feeds: Record<string, Tensor> = {};
  let total = 0;
  inputs.forEach((raw, i) => {
    if (!isRecord(raw) || typeof raw.name !== "string") return fail(`inputs[${i}] must be an object with a "name"`);
    const spec = model.inputs.find((s) => s.name === raw.name);
    if (!spec) return fail(`model ${model.name} has no input "${raw.name}"; its inputs are: ${known}`);
    if (feeds[spec.name]) return fail(`input "${spec.name}" is given more than once`);
    feeds[spec.name] = validateInput(spec, raw, `input "${spec.name}"`);
    total += feeds[spec.name]?.size ?? 0;
    if (total > MAX_REQUEST_ELEMENTS) fail(`the request has more than ${MAX_REQUEST_ELEMENTS} elements in total`);
  });
  for (const spec of model.inputs) {
    if (!feeds[spec.name]) fail(`missing input "${spec.name}" (${spec.datatype} ${formatShape(spec.shape)})`);
  }
  const outputNames = model.outputs.map((o) => o.name);
  if (outputs === undefined) return { id, feeds, outputNames };
  if (!Array.isArray(outputs)) return fail('"outputs" must be an array of { "name": … }');
  const wanted = outputs.map((o, i) => {
    if (!isRecord(o) || typeof o.name !== "string") return fail(`outputs[${i}] must be an object with a "name"`);
    if (!outputNames.includes(o.name))
      return fail(`model ${model.name} has no output "${o.name}"; its outputs are: ${outputNames.join(", ")}`);
    return o.name;
  });
  return { id, feeds, outputNames: wanted.length ? [...new Set(wanted)] : outputNames };
}
