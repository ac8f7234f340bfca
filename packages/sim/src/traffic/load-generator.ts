// Sends real OIP requests to every model's stable GLB endpoint at a rate that follows a daily pattern, and
// counts successes and failures per model, so "no request dropped during a migration" is measured.
import type { MetricRegistry } from "../metrics/registry";

export interface LoadOptions {
  minRps: number;
  maxRps: number;
  dayLengthSeconds: number;
  /** Models to load and their stable infer URLs (read on every tick, so new models join by themselves). */
  targets: () => { model: string; inferUrl: string; metadataUrl: string }[];
  registry: MetricRegistry;
  /** Requests in flight above which ticks skip sending (a stuck backend must not pile up sockets). */
  maxInFlight?: number;
  timeoutMs?: number;
}

export interface ModelLoadStats {
  sent: number;
  success: number;
  failure: number;
  /** Requests not sent because too many were already in flight (a stuck backend); not failures, but visible. */
  shed: number;
  lastError?: string;
  /** The last few failures (oldest first): when, which backend answered (if any) and what went wrong. */
  recentFailures?: { at: string; backend: string; error: string }[];
}

const RECENT_FAILURES = 10;

export interface LoadGenerator {
  stats(): Record<string, ModelLoadStats>;
  /** The total rate the pattern asks for now. */
  currentRps(): number;
  stop(): Promise<void>;
}

/** Requests per second at `t` (ms): a smooth day curve, lowest at "midnight", highest at "noon". */
export function dailyRate(t: number, minRps: number, maxRps: number, dayLengthSeconds: number): number {
  const phase = ((t / 1000) % dayLengthSeconds) / dayLengthSeconds;
  return minRps + (maxRps - minRps) * (0.5 - 0.5 * Math.cos(2 * Math.PI * phase));
}

interface TensorMeta {
  name: string;
  datatype: string;
  shape: number[];
}

/** One row of plausible input for each tensor the model declares (-1 dimensions become 1). */
export function sampleRequest(inputs: TensorMeta[]): {
  inputs: { name: string; shape: number[]; datatype: string; data: number[] }[];
} {
  return {
    inputs: inputs.map((i) => {
      const shape = i.shape.map((d) => (d < 0 ? 1 : d));
      const n = shape.reduce((a, b) => a * b, 1);
      const integer = /INT/.test(i.datatype);
      return {
        name: i.name,
        shape,
        datatype: i.datatype,
        data: Array.from({ length: n }, () =>
          integer ? Math.floor(Math.random() * 3) : Math.round(Math.random() * 1000) / 1000,
        ),
      };
    }),
  };
}

const HELP = "Requests the load generator sent to each model's stable endpoint, by outcome";
const HELP_LATENCY =
  "Client-side latency of the load generator's requests through the GLB, by model and the backend that answered, in seconds";

export function startLoadGenerator(opts: LoadOptions): LoadGenerator {
  const stats: Record<string, ModelLoadStats> = {};
  const inputs = new Map<string, TensorMeta[]>();
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = opts.maxInFlight ?? 64;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const started = Date.now();
  let credit = 0;
  let turn = 0;
  let last = Date.now();

  const entry = (model: string) => (stats[model] ??= { sent: 0, success: 0, failure: 0, shed: 0 });
  const count = (model: string, ok: boolean, error?: string, backend = "") => {
    const s = entry(model);
    if (ok) s.success++;
    else {
      s.failure++;
      s.lastError = error;
      s.recentFailures = [
        ...(s.recentFailures ?? []),
        { at: new Date().toISOString(), backend, error: error ?? "" },
      ].slice(-RECENT_FAILURES);
    }
    opts.registry.inc("tern_loadgen_requests_total", HELP, { model, outcome: ok ? "success" : "failure" });
  };

  async function metadata(model: string, url: string): Promise<TensorMeta[] | undefined> {
    const known = inputs.get(model);
    if (known) return known;
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    if (!res?.ok) return undefined; // not served yet: try again next time, count nothing
    const body = (await res.json()) as { inputs?: TensorMeta[] };
    if (!Array.isArray(body.inputs)) return undefined;
    inputs.set(model, body.inputs);
    return body.inputs;
  }

  async function sendOne(t: { model: string; inferUrl: string; metadataUrl: string }): Promise<void> {
    const meta = await metadata(t.model, t.metadataUrl);
    if (!meta) return;
    entry(t.model).sent++;
    const started = performance.now();
    try {
      const res = await fetch(t.inferUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(sampleRequest(meta)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      const [cluster = "", namespace = "", deployment = ""] = (res.headers.get("x-tern-backend") ?? "").split("/");
      opts.registry.observe(
        "tern_loadgen_request_duration_seconds",
        HELP_LATENCY,
        { model: t.model, cluster, namespace, deployment },
        (performance.now() - started) / 1000,
      );
      count(
        t.model,
        res.ok,
        res.ok ? undefined : `HTTP ${res.status}: ${text.slice(0, 200)}`,
        [cluster, namespace, deployment].filter(Boolean).join("/"),
      );
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : "";
      count(
        t.model,
        false,
        `${e instanceof Error ? e.message : String(e)}${cause} after ${Math.round(performance.now() - started)} ms`,
      );
    }
  }

  const tick = () => {
    const now = Date.now();
    credit += (dailyRate(now - started, opts.minRps, opts.maxRps, opts.dayLengthSeconds) * (now - last)) / 1000;
    last = now;
    const targets = opts.targets();
    if (targets.length === 0) return void (credit = 0);
    while (credit >= 1) {
      credit -= 1;
      const t = targets[turn++ % targets.length]!;
      if (inFlight.size >= maxInFlight) {
        // Shed load rather than queue it, and say so: a pile-up means a backend stopped answering.
        entry(t.model).shed++;
        continue;
      }
      const p = sendOne(t).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  };
  const timer = setInterval(tick, 100);
  opts.registry.declare("tern_loadgen_requests_total", HELP, "counter");
  opts.registry.declare("tern_loadgen_request_duration_seconds", HELP_LATENCY, "histogram");

  return {
    stats: () => structuredClone(stats),
    currentRps: () => dailyRate(Date.now() - started, opts.minRps, opts.maxRps, opts.dayLengthSeconds),
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
