// Faults on demand, one vocabulary for the admin API (JSON) and the CLI (--fault kind=target):
//   api-outage=<cluster>[:unavailable]    slow-api=<cluster>:<ms>     drop-watches=<cluster>
//   crash-loop=<cluster>/<ns>/<deploy>    node-loss=<cluster>/<node>  latency-spike=<cluster>/<ns>/<deploy>:<ms>
//   error-rate=<cluster>/<ns>/<deploy>:<ratio>   wrong-outputs=<cluster>/<ns>/<deploy>[:<delta>]
//   store-outage=<cloud>                  slow-store=<cloud>:<bytes per second>
// The three API faults are switches on the cluster's API server (ApiFaults); store faults act on a cloud's object
// store (StoreFaults); the rest act on the fleet.
import type { StoreFaults } from "../artifacts/store-faults";
import { z } from "zod";
import type { ApiFaults } from "../apiserver";
import type { ClusterRuntime } from "./cluster-runtime";

const cluster = z.string().min(1, "cluster is required");
export const ZFault = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("api-outage"),
    cluster,
    on: z.boolean().default(true),
    mode: z.enum(["refuse", "unavailable"]).default("refuse"),
  }),
  z.object({ kind: z.literal("slow-api"), cluster, ms: z.number().int().min(0).max(120_000) }),
  z.object({ kind: z.literal("drop-watches"), cluster, how: z.enum(["reset", "end"]).default("reset") }),
  z.object({
    kind: z.literal("crash-loop"),
    cluster,
    namespace: z.string().min(1),
    deployment: z.string().min(1),
    on: z.boolean().default(true),
  }),
  z.object({ kind: z.literal("node-loss"), cluster, node: z.string().min(1), on: z.boolean().default(true) }),
  z.object({
    kind: z.literal("latency-spike"),
    cluster,
    namespace: z.string().min(1),
    deployment: z.string().min(1),
    ms: z.number().min(0).max(600_000),
  }),
  z.object({
    kind: z.literal("error-rate"),
    cluster,
    namespace: z.string().min(1),
    deployment: z.string().min(1),
    /** Share of infer requests its pods answer with `code` (0 clears). */
    ratio: z.number().min(0).max(1),
    code: z.union([z.literal(500), z.literal(502), z.literal(503)]).default(500),
  }),
  z.object({
    kind: z.literal("wrong-outputs"),
    cluster,
    namespace: z.string().min(1),
    deployment: z.string().min(1),
    /** Added to every numeric output element (0 clears). */
    delta: z.number().min(-1e6).max(1e6).default(0.1),
    on: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal("store-outage"),
    cloud: z.string().min(1, "cloud is required"),
    on: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal("slow-store"),
    cloud: z.string().min(1, "cloud is required"),
    /** Bandwidth cap of the cloud's S3 endpoint, per request (0 clears). */
    bytesPerSecond: z.number().int().min(0).max(1e12),
  }),
]);
export type Fault = z.output<typeof ZFault>;

export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultError";
  }
}

export interface FaultTarget {
  runtime: ClusterRuntime;
  api: ApiFaults;
}

export interface ClusterFaultState {
  apiOutage: false | "refuse" | "unavailable";
  slowApiMs: number;
  lostNodes: string[];
  crashLoops: string[];
  latencySpikes: Record<string, number>;
  errorRates: Record<string, { ratio: number; code: number }>;
  wrongOutputs: Record<string, number>;
}

export function faultState(targets: Map<string, FaultTarget>): Record<string, ClusterFaultState> {
  const out: Record<string, ClusterFaultState> = {};
  for (const [name, t] of targets) {
    out[name] = {
      apiOutage: t.api.outage ? t.api.outageMode : false,
      slowApiMs: t.api.latencyMs,
      lostNodes: t.runtime.nodes.lostNodes(),
      ...t.runtime.faults.state(),
    };
  }
  return out;
}

function applyStoreFault(
  stores: { faults: StoreFaults; clouds: string[] } | undefined,
  f: Extract<Fault, { cloud: string }>,
): string {
  if (!stores) throw new FaultError("this fleet has no object stores to fault");
  if (!stores.clouds.includes(f.cloud))
    throw new FaultError(`unknown cloud '${f.cloud}' (clouds: ${stores.clouds.join(", ")})`);
  if (f.kind === "store-outage") {
    stores.faults.setOutage(f.cloud, f.on);
    return f.on ? `${f.cloud}: object store outage (S3 answers 503)` : `${f.cloud}: object store back`;
  }
  stores.faults.setBandwidth(f.cloud, f.bytesPerSecond);
  return f.bytesPerSecond
    ? `${f.cloud}: object store limited to ${f.bytesPerSecond} bytes/s`
    : `${f.cloud}: object store bandwidth unlimited`;
}

/** Applies one fault; returns a one-line description of what changed. */
export function applyFault(
  targets: Map<string, FaultTarget>,
  input: unknown,
  stores?: { faults: StoreFaults; clouds: string[] },
): string {
  const parsed = ZFault.safeParse(input);
  if (!parsed.success)
    throw new FaultError(
      `invalid fault: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  const f = parsed.data;
  if (f.kind === "store-outage" || f.kind === "slow-store") return applyStoreFault(stores, f);
  const t = targets.get(f.cluster);
  if (!t) throw new FaultError(`unknown cluster '${f.cluster}' (clusters: ${[...targets.keys()].join(", ")})`);
  switch (f.kind) {
    case "api-outage":
      t.api.outageMode = f.mode;
      t.api.outage = f.on;
      return f.on ? `${f.cluster}: API outage (${f.mode})` : `${f.cluster}: API back`;
    case "slow-api":
      t.api.latencyMs = f.ms;
      return `${f.cluster}: API latency ${f.ms} ms`;
    case "drop-watches":
      return `${f.cluster}: dropped ${t.api.dropWatches(f.how)} watch stream(s)`;
    case "crash-loop":
      if (!t.runtime.store.get("deployments", f.namespace, f.deployment) && f.on)
        throw new FaultError(`deployment ${f.namespace}/${f.deployment} not found in cluster ${f.cluster}`);
      t.runtime.faults.setCrashLoop(f.namespace, f.deployment, f.on);
      t.runtime.kubelets.poke();
      return `${f.cluster}: crash loop ${f.on ? "on" : "off"} for ${f.namespace}/${f.deployment}`;
    case "node-loss":
      if (!t.runtime.store.get("nodes", undefined, f.node)) {
        const nodes = t.runtime.store.list("nodes").items.map((n) => n.metadata.name);
        throw new FaultError(`node '${f.node}' not found in cluster ${f.cluster} (nodes: ${nodes.join(", ")})`);
      }
      if (f.on) t.runtime.nodes.loseNode(f.node);
      else t.runtime.nodes.restoreNode(f.node);
      t.runtime.kubelets.poke();
      return `${f.cluster}: node ${f.node} ${f.on ? "lost" : "restored"}`;
    case "latency-spike":
      t.runtime.faults.setLatencySpike(f.namespace, f.deployment, f.ms);
      return `${f.cluster}: latency spike ${f.ms} ms on ${f.namespace}/${f.deployment}`;
    case "error-rate":
      t.runtime.faults.setErrorRate(f.namespace, f.deployment, f.ratio, f.code);
      return `${f.cluster}: ${Math.round(f.ratio * 100)} % of infer requests answer ${f.code} on ${f.namespace}/${f.deployment}`;
    case "wrong-outputs": {
      const delta = f.on ? f.delta : 0;
      t.runtime.faults.setWrongOutputs(f.namespace, f.deployment, delta);
      return delta
        ? `${f.cluster}: outputs of ${f.namespace}/${f.deployment} shifted by ${delta}`
        : `${f.cluster}: outputs of ${f.namespace}/${f.deployment} correct again`;
    }
  }
}

/** Parses a CLI --fault value into the JSON form applyFault takes. */
export function parseFaultFlag(flag: string): Fault {
  const eq = flag.indexOf("=");
  const kind = eq < 0 ? flag : flag.slice(0, eq);
  const target = eq < 0 ? "" : flag.slice(eq + 1);
  const [path, arg] = target.split(":") as [string, string | undefined];
  const parts = path.split("/");
  const raw: Record<string, unknown> =
    kind === "store-outage" || kind === "slow-store" ? { kind, cloud: parts[0] } : { kind, cluster: parts[0] };
  if (kind === "slow-store") raw.bytesPerSecond = arg === undefined ? NaN : Number(arg);
  if (kind === "error-rate") raw.ratio = arg === undefined ? NaN : Number(arg);
  if (kind === "wrong-outputs" && arg !== undefined) raw.delta = Number(arg);
  if (kind === "error-rate" || kind === "wrong-outputs")
    Object.assign(raw, { namespace: parts[1], deployment: parts[2] });
  if (kind === "api-outage" && arg) raw.mode = arg;
  if (kind === "slow-api" || kind === "latency-spike") raw.ms = arg === undefined ? NaN : Number(arg);
  if (kind === "crash-loop" || kind === "latency-spike")
    Object.assign(raw, { namespace: parts[1], deployment: parts[2] });
  if (kind === "node-loss") raw.node = parts[1];
  const parsed = ZFault.safeParse(raw);
  if (!parsed.success) {
    throw new FaultError(
      `bad --fault '${flag}': ${parsed.error.issues.map((i) => `${i.path.join(".") || "kind"}: ${i.message}`).join("; ")}. ` +
        "Use api-outage=<cluster>[:unavailable], slow-api=<cluster>:<ms>, drop-watches=<cluster>, crash-loop=<cluster>/<ns>/<deployment>, node-loss=<cluster>/<node>, latency-spike=<cluster>/<ns>/<deployment>:<ms>, " +
        "error-rate=<cluster>/<ns>/<deployment>:<ratio>, wrong-outputs=<cluster>/<ns>/<deployment>[:<delta>], store-outage=<cloud> or slow-store=<cloud>:<bytes per second>",
    );
  }
  return parsed.data;
}
