// Open Inference Protocol v2 (KServe / Triton REST) shapes, and the datatype mapping to onnxruntime.
import type { Tensor } from "onnxruntime-node";

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

export const ORT_TYPE_OF: Record<OipDatatype, Tensor.Type> = {
  BOOL: "bool",
  UINT8: "uint8",
  UINT16: "uint16",
  UINT32: "uint32",
  UINT64: "uint64",
  INT8: "int8",
  INT16: "int16",
  INT32: "int32",
  INT64: "int64",
  FP32: "float32",
  FP64: "float64",
};

export function oipDatatypeOf(ortType: string): OipDatatype | undefined {
  return OIP_DATATYPES.find((d) => ORT_TYPE_OF[d] === ortType);
}

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

/** A request the model cannot answer as sent; an HTTP layer returns it as 400 { "error": message }. */
export class InferenceRequestError extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = "InferenceRequestError";
  }
}

/** The artifact could not be turned into a session (missing file, not ONNX, unsupported operator). */
export class ModelLoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`cannot load model from ${path}: ${message}`);
    this.name = "ModelLoadError";
  }
}

export const formatShape = (shape: readonly number[]) => `[${shape.join(",")}]`;
