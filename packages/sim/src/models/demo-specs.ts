// The demo models' architectures, seeds and golden-input generators. Changing anything here changes
// the committed bytes in ./demo; rerun `tsx server/sim/models/build-demo-models.ts` afterwards.
import {
  encodeModel,
  floatInitializer,
  floatValueInfo,
  glorot,
  intAttribute,
  node,
  seededRandom,
  smallBias,
  type GraphSpec,
} from "./onnx-graph";

export interface DemoModelSpec {
  name: string;
  version: string;
  task: string;
  framework: string;
  description: string;
  /** Seed of the base weights; versions of one model share it so they stay close. */
  seed: number;
  /** A later version: the base weights nudged by a second seeded noise, so answers differ a little. */
  perturb?: { seed: number; scale: number };
  input: { name: string; features: number };
  hidden: number;
  activation: "Relu" | "Tanh";
  output: { name: string; size: number; head: "Sigmoid" | "Softmax" | "None" };
  /** Draws one element of a golden-set input; inputs look like the model's real traffic. */
  sampleElement: (rand: () => number) => number;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

const creditRisk: Omit<DemoModelSpec, "version"> = {
  name: "credit-risk",
  task: "classification",
  framework: "scikit-learn",
  description: "Probability of default from 8 standardized applicant features",
  seed: 1001,
  input: { name: "features", features: 8 },
  hidden: 32,
  activation: "Relu",
  output: { name: "score", size: 1, head: "Sigmoid" },
  sampleElement: (rand) => round3((rand() * 2 - 1) * 2),
};

export const DEMO_MODEL_SPECS: DemoModelSpec[] = [
  { ...creditRisk, version: "1.0.0" },
  {
    ...creditRisk,
    version: "1.1.0",
    description: `${creditRisk.description} (retrained)`,
    perturb: { seed: 1002, scale: 0.05 },
  },
  {
    name: "sentiment",
    version: "1.0.0",
    task: "text-classification",
    framework: "PyTorch",
    description: "Negative/positive sentiment from a 64-term bag-of-words count vector",
    seed: 2001,
    input: { name: "tokens", features: 64 },
    hidden: 128,
    activation: "Relu",
    output: { name: "probabilities", size: 2, head: "Softmax" },
    // Term counts: mostly zero, a few words seen once to three times.
    sampleElement: (rand) => (rand() < 0.8 ? 0 : 1 + Math.floor(rand() * 3)),
  },
  {
    name: "ranker",
    version: "1.0.0",
    task: "ranking",
    framework: "PyTorch",
    description: "Relevance of a query-document pair from 16 features in [0, 1]",
    seed: 3001,
    input: { name: "features", features: 16 },
    hidden: 64,
    activation: "Tanh",
    output: { name: "relevance", size: 1, head: "None" },
    sampleElement: (rand) => round3(rand()),
  },
];

/** Batch sizes of the golden cases: mostly single rows, some batches to exercise the dynamic N. */
export const GOLDEN_BATCH_SIZES = [1, 1, 2, 1, 3] as const;

function weights(spec: DemoModelSpec) {
  const rand = seededRandom(spec.seed);
  const { features } = spec.input;
  const base = {
    w1: glorot(rand, features, spec.hidden),
    b1: smallBias(rand, spec.hidden),
    w2: glorot(rand, spec.hidden, spec.output.size),
    b2: smallBias(rand, spec.output.size),
  };
  if (!spec.perturb) return base;
  const noise = seededRandom(spec.perturb.seed);
  const scale = spec.perturb.scale;
  const nudge = (xs: number[]) => xs.map((x) => Math.fround(x + (noise() * 2 - 1) * scale));
  return { w1: nudge(base.w1), b1: nudge(base.b1), w2: nudge(base.w2), b2: nudge(base.b2) };
}

/** input → Gemm → activation → Gemm → head → output, with the batch dimension left symbolic. */
export function demoGraph(spec: DemoModelSpec): GraphSpec {
  const { w1, b1, w2, b2 } = weights(spec);
  const { input, output, hidden } = spec;
  const last = output.head === "None" ? output.name : "logits";
  const nodes = [
    node("Gemm", [input.name, "W1", "B1"], ["hidden_pre"]),
    node(spec.activation, ["hidden_pre"], ["hidden"]),
    node("Gemm", ["hidden", "W2", "B2"], [last]),
  ];
  if (output.head === "Sigmoid") nodes.push(node("Sigmoid", ["logits"], [output.name]));
  if (output.head === "Softmax") nodes.push(node("Softmax", ["logits"], [output.name], [intAttribute("axis", -1)]));
  return {
    name: `${spec.name}_${spec.version.replaceAll(".", "_")}`,
    docString: spec.description,
    nodes,
    initializers: [
      floatInitializer("W1", [input.features, hidden], w1),
      floatInitializer("B1", [hidden], b1),
      floatInitializer("W2", [hidden, output.size], w2),
      floatInitializer("B2", [output.size], b2),
    ],
    inputs: [floatValueInfo(input.name, input.features)],
    outputs: [floatValueInfo(output.name, output.size)],
    metadata: { "tern.model_name": spec.name, "tern.model_version": spec.version, "tern.task": spec.task },
  };
}

export function demoModelBytes(spec: DemoModelSpec): Uint8Array {
  return encodeModel(demoGraph(spec));
}

/** Golden-set inputs for one spec: [rows][features], seeded from the spec so they never drift. */
export function goldenInputs(spec: DemoModelSpec): { shape: [number, number]; data: number[] }[] {
  // Same inputs for every version of a model, so a migration can compare v1 and v2 on equal terms.
  const rand = seededRandom(spec.seed ^ 0x5eed);
  return GOLDEN_BATCH_SIZES.map((rows) => ({
    shape: [rows, spec.input.features],
    data: Array.from({ length: rows * spec.input.features }, () => spec.sampleElement(rand)),
  }));
}
