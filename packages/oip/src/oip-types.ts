// Open Inference Protocol v2 (KServe / Triton REST) request and response shapes: what Tern sends to a model
// server and compares between deployments. The simulator's model servers speak the same types.

/** OIP tensor datatypes this runtime accepts; FP16 and BYTES have no plain JSON form worth supporting here. */
export const OIP_DATATYPES = [
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP32",
  "FP64",
] as const;
export type OipDatatype = (typeof OIP_DATATYPES)[number];

export function isOipDatatype(v: unknown): v is OipDatatype {
  return typeof v === "string" && (OIP_DATATYPES as readonly string[]).includes(v);
}

/** A model input or output as OIP metadata describes it; -1 marks a dimension of any size. */
export interface TensorSpec {
  name: string;
  datatype: OipDatatype;
  shape: number[];
}

/** One tensor in a request or response, data flattened in row-major order. */
export interface OipTensor {
  name: string;
  shape: number[];
  datatype: string;
  data: (number | boolean)[];
}

export interface InferRequest {
  id?: string;
  inputs: OipTensor[];
  outputs?: { name: string }[];
}

export interface InferResponse {
  model_name: string;
  model_version: string;
  id?: string;
  outputs: OipTensor[];
}

export interface ModelMetadata {
  name: string;
  versions: string[];
  platform: "onnxruntime_onnx";
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

export const formatShape = (shape: readonly number[]) => `[${shape.join(",")}]`;
