// The fleet file (packages/sim/src/fleet.config.json): clouds, clusters, nodes, latency profile, demo workloads.
// Users edit it by hand, so every rule has a message that says what is wrong and where.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROVIDERS = ["AWS", "GCP", "AZURE", "ALIYUN", "HUAWEI", "TENCENT", "LEPTON", "ONPREM"] as const;

const dns1123 = (what: string) =>
  z
    .string()
    .max(63, `${what} must be at most 63 characters`)
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      `${what} must be lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );

/** Loopback ports the simulator may bind; 0 picks a free one (tests); 3000/3100 belong to the app and its tests. */
const port = z
  .number()
  .int("ports are whole numbers")
  .refine((p) => p === 0 || (p >= 1024 && p <= 65535), "ports must be 0 (any free port) or between 1024 and 65535")
  .refine((p) => p !== 3000 && p !== 3100, "ports 3000 and 3100 are reserved for the Tern app");

const Cloud = z.object({
  id: dns1123("cloud id"),
  provider: z.enum(PROVIDERS, { error: `provider must be one of ${PROVIDERS.join(", ")}` }),
  region: z.string().min(1, "region is required"),
});

const NodePool = z.object({
  name: dns1123("node pool name"),
  gpuType: z
    .string()
    .regex(/^[A-Za-z0-9][-A-Za-z0-9_.]*$/, "gpuType must be a label value such as H100 or Ascend-910B"),
  gpusPerNode: z.number().int().min(0).max(64),
  nodes: z.number().int().min(1, "a node pool needs at least one node").max(100),
});

const Cluster = z.object({
  name: dns1123("cluster name"),
  cloud: z.string(),
  /** The cluster's Kubernetes API (HTTPS). */
  port,
  /** Plain-HTTP data plane: /metrics and the services' inference endpoints. Defaults to port + 100. */
  dataPort: port.optional(),
  residency: z
    .array(z.string().regex(/^[a-z]{2,12}$/, "residency tags are short lowercase words such as us, eu, cn"))
    .default([]),
  nodePools: z.array(NodePool).min(1, "a cluster needs at least one node pool"),
});

const Workload = z.object({
  cluster: z.string(),
  namespace: dns1123("namespace").default("models"),
  name: dns1123("deployment name"),
  model: z.string(),
  version: z.string(),
  replicas: z.number().int().min(0).max(50).default(1),
  gpus: z.number().int().min(0).max(16).default(1),
  gpuType: z.string().optional(),
});

export const FleetConfigSchema = z
  .object({
    glbPort: port,
    adminPort: port,
    /** How long new GLB weights take to be in effect (a real GLB or weighted DNS is not instant); 0: at once. */
    trafficPropagationMs: z.number().int().min(0).max(600_000).default(0),
    /** The clouds' object stores over the S3 API (path-style, one bucket per cloud named like it); 0: any free port. */
    s3Port: port.default(0),
    /** Scales every simulated duration (image pull, model load, back-off); 1 is realistic, 0.05 is 20× faster. */
    timeScale: z.number().positive().max(10).default(1),
    latency: z.object({
      /** Modelled compute time of one request on the reference GPU (multiplier 1), before the GPU multiplier. */
      baseComputeMs: z.number().min(0).max(10_000),
      gpu: z.record(z.string(), z.number().positive("GPU compute multipliers must be positive")),
      region: z.record(z.string(), z.number().min(0, "network delays must be ≥ 0 ms")),
    }),
    /** Image repositories the simulated nodes can run; any other image fails to pull. */
    runtimes: z.array(z.string().min(1)).min(1, "list at least one runtime image repository"),
    load: z
      .object({
        enabled: z.boolean().default(true),
        minRps: z.number().min(0).default(2),
        maxRps: z.number().min(0).default(20),
        /** Length of one simulated day in wall seconds (the daily pattern repeats with this period). */
        dayLengthSeconds: z.number().positive().default(600),
      })
      .refine((l) => l.maxRps >= l.minRps, "load.maxRps must be ≥ load.minRps")
      .prefault({}),
    clouds: z.array(Cloud).min(1, "list at least one cloud"),
    clusters: z.array(Cluster).min(1, "list at least one cluster"),
    /** Which clouds' object stores hold each demo model (all its versions) at start: its "home" clouds. */
    modelHomes: z.record(z.string(), z.array(z.string())).default({}),
    workloads: z.array(Workload).default([]),
    /**
     * A simulated multi-cluster Gateway (Gateway API): HTTPRoutes in `namespace` on `cluster` that attach to the
     * Gateway `name` drive the GLB, as GKE multi-cluster Gateways or Istio do for real clusters.
     */
    gateway: z
      .object({
        cluster: z.string(),
        namespace: dns1123("gateway namespace").default("tern-routes"),
        name: dns1123("gateway name").default("tern-gateway"),
      })
      .optional(),
  })
  .superRefine((cfg, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const cloudIds = new Set<string>();
    cfg.clouds.forEach((c, i) => {
      if (cloudIds.has(c.id)) issue(["clouds", i, "id"], `cloud id '${c.id}' is listed twice`);
      cloudIds.add(c.id);
      if (cfg.latency.region[c.region] === undefined)
        issue(["latency", "region"], `no network delay for region '${c.region}' (cloud '${c.id}')`);
    });
    const ports = new Map<number, string>([
      [cfg.glbPort, "glbPort"],
      [cfg.adminPort, "adminPort"],
    ]);
    if (cfg.s3Port !== 0 && ports.has(cfg.s3Port))
      issue(["s3Port"], `s3Port ${cfg.s3Port} is also ${ports.get(cfg.s3Port)}`);
    ports.set(cfg.s3Port, "s3Port");
    if (cfg.glbPort !== 0 && cfg.glbPort === cfg.adminPort)
      issue(["adminPort"], `adminPort ${cfg.adminPort} is also glbPort`);
    const names = new Set<string>();
    cfg.clusters.forEach((cl, i) => {
      if (names.has(cl.name)) issue(["clusters", i, "name"], `cluster name '${cl.name}' is listed twice`);
      names.add(cl.name);
      if (!cloudIds.has(cl.cloud))
        issue(
          ["clusters", i, "cloud"],
          `cluster '${cl.name}' names cloud '${cl.cloud}', which is not in clouds (${[...cloudIds].join(", ")})`,
        );
      for (const [key, p] of [
        ["port", cl.port],
        ["dataPort", dataPortOf(cl)],
      ] as const) {
        const taken = p === 0 ? undefined : ports.get(p);
        if (taken) issue(["clusters", i, key], `cluster '${cl.name}' ${key} ${p} is already used by ${taken}`);
        ports.set(p, `cluster '${cl.name}' ${key}`);
      }
      cl.nodePools.forEach((p, j) => {
        if (cfg.latency.gpu[p.gpuType] === undefined)
          issue(
            ["clusters", i, "nodePools", j, "gpuType"],
            `no latency multiplier for GPU type '${p.gpuType}' in latency.gpu`,
          );
      });
    });
    for (const [model, clouds] of Object.entries(cfg.modelHomes)) {
      for (const c of clouds)
        if (!cloudIds.has(c))
          issue(["modelHomes", model], `model '${model}' names home cloud '${c}', which is not in clouds`);
    }
    if (cfg.gateway && !names.has(cfg.gateway.cluster))
      issue(
        ["gateway", "cluster"],
        `gateway cluster '${cfg.gateway.cluster}' is not in clusters (${[...names].join(", ")})`,
      );
    cfg.workloads.forEach((w, i) => {
      if (!names.has(w.cluster))
        issue(
          ["workloads", i, "cluster"],
          `workload '${w.name}' names cluster '${w.cluster}', which is not in clusters`,
        );
    });
  });

export type FleetConfig = z.output<typeof FleetConfigSchema>;
export type ClusterConfig = FleetConfig["clusters"][number];
export type CloudConfig = FleetConfig["clouds"][number];
export type WorkloadConfig = FleetConfig["workloads"][number];

export class FleetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FleetConfigError";
  }
}

/** Validates parsed JSON; the error lists every problem as `path: message`. */
export function parseFleetConfig(raw: unknown, source = "fleet config"): FleetConfig {
  const r = FleetConfigSchema.safeParse(raw);
  if (r.success) return r.data;
  // zod's "expected number, received undefined" reads better as what a hand-edited file is missing.
  const say = (m: string) => m.replace(/^Invalid input: expected (\w+), received undefined$/, "is required ($1)");
  const lines = r.error.issues.map((i) => `  - ${i.path.length ? i.path.join(".") : "(root)"}: ${say(i.message)}`);
  throw new FleetConfigError(`${source} is invalid:\n${lines.join("\n")}`);
}

/** The demo fleet `npm start` runs (clouds, clusters, GPU pools, latency profile). */
export const DEMO_FLEET_CONFIG = fileURLToPath(new URL("../fleet.config.json", import.meta.url));

export async function loadFleetConfig(path: string): Promise<FleetConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new FleetConfigError(`cannot read fleet config ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FleetConfigError(`fleet config ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseFleetConfig(raw, `fleet config ${path}`);
}

/**
 * The same fleet with every fixed port moved by `offset` (0 stays "any free port"), so a second simulator — a
 * second `npm start`, or `npm test` beside a running one — binds its own ports. Refuses ports past 65535.
 */
export function withPortOffset(cfg: FleetConfig, offset: number): FleetConfig {
  if (!Number.isInteger(offset) || offset < 0 || offset > 40_000)
    throw new FleetConfigError(`the port offset must be a whole number from 0 to 40000 (got ${offset})`);
  if (offset === 0) return cfg;
  const move = (p: number, what: string) => {
    if (p === 0) return 0;
    const moved = p + offset;
    if (moved > 65535 || moved === 3000 || moved === 3100)
      throw new FleetConfigError(
        `${what} ${p} + port offset ${offset} = ${moved} is not a usable port; pick a smaller offset`,
      );
    return moved;
  };
  return {
    ...cfg,
    glbPort: move(cfg.glbPort, "glbPort"),
    adminPort: move(cfg.adminPort, "adminPort"),
    s3Port: move(cfg.s3Port, "s3Port"),
    clusters: cfg.clusters.map((c) => ({
      ...c,
      port: move(c.port, `cluster '${c.name}' port`),
      ...(c.dataPort === undefined ? {} : { dataPort: move(c.dataPort, `cluster '${c.name}' dataPort`) }),
    })),
  };
}

export const dataPortOf = (c: { port: number; dataPort?: number | undefined }): number =>
  c.dataPort ?? (c.port === 0 ? 0 : c.port + 100);

export function cloudOf(cfg: FleetConfig, cluster: ClusterConfig): CloudConfig {
  const cloud = cfg.clouds.find((c) => c.id === cluster.cloud);
  if (!cloud) throw new FleetConfigError(`cluster '${cluster.name}' names unknown cloud '${cluster.cloud}'`);
  return cloud;
}
