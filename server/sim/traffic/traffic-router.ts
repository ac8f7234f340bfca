// Weighted routing of each model's stable endpoint to its deployments across clusters — what a cloud GLB or
// weighted DNS does in production. Tern changes weights only through the TrafficRouter interface.
import { readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ObjectStore } from "../store/object-store";
import { modelOfDeployment } from "../metrics/model-label";

export interface Backend {
  cluster: string;
  namespace: string;
  deployment: string;
  /** Relative weight (≥ 0); a model's weights need not add up to 100. */
  weight: number;
}

export interface TrafficRouter {
  setWeights(model: string, backends: Backend[]): Promise<void>;
  /** Explicit weights, or the default (100 % to the model's oldest deployment) when none were set. */
  getWeights(model: string): Promise<Backend[]>;
}

export const ZBackend = z.object({
  cluster: z.string().min(1, "cluster is required"),
  namespace: z.string().min(1, "namespace is required"),
  deployment: z.string().min(1, "deployment is required"),
  weight: z.number().min(0, "weight must be ≥ 0").max(1_000_000, "weight must be ≤ 1000000"),
});
export const ZBackends = z.array(ZBackend);

export class TrafficRouterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrafficRouterError";
  }
}

export interface ClusterView {
  name: string;
  store: ObjectStore;
}

const MODEL = /^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/;

/** The in-process router the simulated GLB reads; weights persist in a JSON file so restarts keep them. */
export class WeightTable implements TrafficRouter {
  private readonly explicit = new Map<string, Backend[]>();

  constructor(
    private readonly clusters: () => ClusterView[],
    private readonly file?: string,
  ) {
    if (file) this.load(file);
  }

  async setWeights(model: string, backends: Backend[]): Promise<void> {
    this.set(model, backends);
    return Promise.resolve();
  }

  async getWeights(model: string): Promise<Backend[]> {
    return Promise.resolve(this.resolve(model));
  }

  /** Synchronous set, with every problem in one message. */
  set(model: string, backends: unknown): void {
    if (!MODEL.test(model))
      throw new TrafficRouterError(`model name '${model}' must be lowercase letters, digits, '-', '_' or '.'`);
    const parsed = ZBackends.safeParse(backends);
    if (!parsed.success) {
      throw new TrafficRouterError(
        `invalid backends for model '${model}': ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
      );
    }
    const known = new Set(this.clusters().map((c) => c.name));
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const b of parsed.data) {
      if (!known.has(b.cluster)) problems.push(`unknown cluster '${b.cluster}' (clusters: ${[...known].join(", ")})`);
      const key = `${b.cluster}/${b.namespace}/${b.deployment}`;
      if (seen.has(key)) problems.push(`backend ${key} is listed twice`);
      seen.add(key);
    }
    if (parsed.data.length > 0 && parsed.data.every((b) => b.weight === 0))
      problems.push("at least one backend needs a weight above 0");
    if (problems.length)
      throw new TrafficRouterError(`cannot set weights for model '${model}': ${problems.join("; ")}`);
    if (parsed.data.length === 0) this.explicit.delete(model);
    else
      this.explicit.set(
        model,
        parsed.data.map((b) => ({ ...b })),
      );
    this.save();
  }

  resolve(model: string): Backend[] {
    const explicit = this.explicit.get(model);
    if (explicit) return explicit.map((b) => ({ ...b }));
    const first = this.discover(model)[0];
    return first ? [{ ...first, weight: 100 }] : [];
  }

  /** Models with explicit weights or a deployment anywhere in the fleet. */
  models(): string[] {
    const names = new Set(this.explicit.keys());
    for (const c of this.clusters())
      for (const d of c.store.list("deployments").items) {
        const m = modelOfDeployment(d);
        if (m) names.add(m);
      }
    return [...names].sort();
  }

  /** The model's deployments across clusters, oldest first: a new (unverified) one never takes traffic by default. */
  private discover(model: string): Omit<Backend, "weight">[] {
    const found: (Omit<Backend, "weight"> & { created: string })[] = [];
    for (const c of this.clusters()) {
      for (const d of c.store.list("deployments").items) {
        if (modelOfDeployment(d) === model)
          found.push({
            cluster: c.name,
            namespace: d.metadata.namespace ?? "default",
            deployment: d.metadata.name,
            created: d.metadata.creationTimestamp,
          });
      }
    }
    found.sort((a, b) => a.created.localeCompare(b.created) || a.cluster.localeCompare(b.cluster));
    return found.map(({ created: _created, ...b }) => b);
  }

  private load(file: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return; // no saved weights yet (or unreadable): start from defaults
    }
    const parsed = z.record(z.string(), ZBackends).safeParse(raw);
    if (!parsed.success) return;
    for (const [model, backends] of Object.entries(parsed.data))
      if (backends.length) this.explicit.set(model, backends);
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.explicit), null, 2));
    renameSync(tmp, this.file);
  }
}
