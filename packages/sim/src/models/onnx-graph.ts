// Small helpers to write real ONNX graphs with onnx-proto: seeded weights, initializers, nodes and
// tensor value infos. Kept free of Date/Math.random so the same spec always encodes to the same bytes.
import onnxProto from "onnx-proto";

// onnx-proto is CommonJS (module.exports = root); Node's ESM loader only exposes it as the default export.
export const { onnx } = onnxProto;

/** mulberry32: a tiny seeded PRNG; the weights only need to be deterministic, not cryptographic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Glorot-uniform weights, rounded to float32 so the stored bytes and the JS values agree. */
export function glorot(rand: () => number, fanIn: number, fanOut: number): number[] {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Array.from({ length: fanIn * fanOut }, () => Math.fround((rand() * 2 - 1) * limit));
}

export function smallBias(rand: () => number, size: number): number[] {
  return Array.from({ length: size }, () => Math.fround((rand() * 2 - 1) * 0.1));
}

/** A float32 initializer stored as little-endian raw_data, as PyTorch's exporter writes it. */
export function floatInitializer(name: string, dims: number[], values: number[]): onnxProto.onnx.ITensorProto {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (values.length !== expected)
    throw new Error(`initializer ${name}: ${values.length} values for dims [${dims.join(",")}]`);
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(view.buffer) };
}

/** A float32 graph input/output whose first dimension is the symbolic batch size "N". */
export function floatValueInfo(name: string, features: number): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: [{ dimParam: "N" }, { dimValue: features }] },
      },
    },
  };
}

export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: onnxProto.onnx.IAttributeProto[] = [],
): onnxProto.onnx.INodeProto {
  return { opType, input: inputs, output: outputs, name: `${opType}_${outputs[0] ?? ""}`, attribute: attributes };
}

export function intAttribute(name: string, value: number): onnxProto.onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value };
}

export interface GraphSpec {
  name: string;
  docString: string;
  nodes: onnxProto.onnx.INodeProto[];
  initializers: onnxProto.onnx.ITensorProto[];
  inputs: onnxProto.onnx.IValueInfoProto[];
  outputs: onnxProto.onnx.IValueInfoProto[];
  metadata: Record<string, string>;
}

// IR 8 / opset 13 is what onnx-proto 8 (ONNX 1.10) describes and every onnxruntime since 1.8 runs.
const IR_VERSION = 8;
const OPSET = 13;

/** Encodes a ModelProto; protobufjs writes fields in declaration order, so the bytes are stable. */
export function encodeModel(spec: GraphSpec): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: "", version: OPSET }],
    producerName: "tern-demo-builder",
    producerVersion: "1",
    docString: spec.docString,
    graph: {
      name: spec.name,
      node: spec.nodes,
      initializer: spec.initializers,
      input: spec.inputs,
      output: spec.outputs,
    },
    metadataProps: Object.entries(spec.metadata)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
  });
  const err = onnx.ModelProto.verify(model);
  if (err) throw new Error(`invalid ONNX model ${spec.name}: ${err}`);
  return onnx.ModelProto.encode(model).finish();
}
