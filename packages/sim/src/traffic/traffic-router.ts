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
  /** Weights set but not yet in effect (a real GLB or DNS takes a while to apply a change everywhere). */
  private readonly pending = new Map<string, { backends: Backend[]; at: number }>();

  constructor(
    private readonly clusters: () => ClusterView[],
    private readonly file?: string,
    private readonly opts: { propagationMs?: number } = {},
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
    const delay = this.opts.propagationMs ?? 0;
    if (delay > 0) this.pending.set(model, { backends: parsed.data.map((b) => ({ ...b })), at: Date.now() + delay });
    else this.apply(model, parsed.data);
    this.save();
  }

  private apply(model: string, backends: Backend[]): void {
    this.pending.delete(model);
    if (backends.length === 0) this.explicit.delete(model);
    else
      this.explicit.set(
        model,
        backends.map((b) => ({ ...b })),
      );
  }

  /** The last weights set (in effect or still propagating), or undefined when none were set. */
  desired(model: string): Backend[] | undefined {
    const p = this.pending.get(model);
    return (p?.backends ?? this.explicit.get(model))?.map((b) => ({ ...b }));
  }

  /** What the GLB routes with now. */
  resolve(model: string): Backend[] {
    const p = this.pending.get(model);
    if (p && p.at <= Date.now()) this.apply(model, p.backends);
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
    // Saved as desired: after a restart, weights that were still propagating are in effect.
    const all = new Map(this.explicit);
    for (const [m, p] of this.pending) {
      if (p.backends.length) all.set(m, p.backends);
      else all.delete(m);
    }
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(all), null, 2));
    renameSync(tmp, this.file);
  }
}
