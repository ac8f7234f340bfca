// The simulator's onnxruntime side of the Open Inference Protocol: datatype mapping and runtime errors.
// The OIP wire types themselves belong to the product (server/migrations/verify/oip-types.ts).
import type { Tensor } from "onnxruntime-node";
import { OIP_DATATYPES, type OipDatatype } from "@tern/oip";

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
