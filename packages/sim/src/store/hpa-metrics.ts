// The metrics the simulated clusters' HPA controller can read (what a metrics adapter would serve on a real
// cluster), Kubernetes quantity strings, and the TARGETS text `kubectl get hpa` prints for them.

/** Pods metrics the simulator serves from its own request counters (prometheus-adapter names on a real cluster). */
export const HPA_POD_METRICS = {
  /** Requests per second per replica. */
  rps: "requests_per_second",
  /** Requests in flight per replica (rate × mean latency, Little's law). */
  concurrency: "inference_concurrency",
  /** GPU busy percentage per replica (DCGM's exporter name). */
  gpuUtil: "DCGM_FI_DEV_GPU_UTIL",
} as const;

/** Parses a Kubernetes quantity ("5", "500m", "1.5", "2k"); NaN when it is not one. */
export function parseQuantity(q: unknown): number {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return Number.NaN;
  const m = /^([0-9.]+)(m|k|M|G|Ki|Mi|Gi)?$/.exec(q.trim());
  if (!m) return Number.NaN;
  const scale: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
  return Number.parseFloat(m[1]!) * (m[2] ? scale[m[2]]! : 1);
}

/** A value as the API server serialises a quantity: whole numbers plain, others in milli-units ("2500m"). */
export function formatQuantity(v: number): string {
  const milli = Math.round(v * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);

/** The source object of a metric spec or status (`pods`, `resource`, …) by its type. */
export function metricSource(m: Obj): Obj {
  const type = typeof m.type === "string" ? m.type : "";
  const key = type === "ContainerResource" ? "containerResource" : type.charAt(0).toLowerCase() + type.slice(1);
  return o(m[key]);
}

/** A scalar field as text (quantities arrive as strings or numbers). */
const text = (v: unknown, fallback: string): string =>
  typeof v === "string" || typeof v === "number" ? String(v) : fallback;

function targetText(target: Obj): string {
  if (target.averageUtilization !== undefined) return `${text(target.averageUtilization, "?")}%`;
  return text(target.averageValue ?? target.value, "<unset>");
}

function currentText(current: Obj | undefined, target: Obj): string {
  if (!current) return "<unknown>";
  if (target.averageUtilization !== undefined)
    return current.averageUtilization === undefined ? "<unknown>" : `${text(current.averageUtilization, "?")}%`;
  return text(current.averageValue ?? current.value, "<unknown>");
}

/** `kubectl get hpa` TARGETS: "2500m/5", "cpu: <unknown>/80%", several joined with ", ", past 3 "+ N more...". */
export function formatMetricTargets(specMetrics: unknown, currentMetrics: unknown): string {
  const specs = arr(specMetrics);
  if (specs.length === 0) return "<none>";
  const currents = arr(currentMetrics);
  const parts = specs.map((m, i) => {
    const src = metricSource(m);
    const target = o(src.target);
    const cur = currents[i] ? o(metricSource(currents[i]).current) : undefined;
    const shown = `${currentText(cur, target)}/${targetText(target)}`;
    return m.type === "Resource" ? `${text(src.name, "")}: ${shown}` : shown;
  });
  return parts.length > 3 ? `${parts.slice(0, 3).join(", ")} + ${parts.length - 3} more...` : parts.join(", ");
}
