// A tiny Prometheus client: counters, gauges and histograms with labels, rendered in the text exposition format.
export type Labels = Record<string, string>;

type Kind = "counter" | "gauge" | "histogram";

interface Family {
  name: string;
  help: string;
  kind: Kind;
  series: Map<string, Series>;
}

interface Series {
  labels: Labels;
  value: number;
  /** Histogram only: cumulative counts per upper bound, then sum and count. */
  buckets?: number[];
  sum?: number;
  count?: number;
}

/** prometheus_client's default buckets (seconds), which KServe's request_*_seconds histograms use. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

const seriesKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join("\u0000");

export const escapeLabelValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}

/** Go's strconv formatting of +Inf/NaN as Prometheus expects them; plain numbers as JavaScript prints them. */
export const formatValue = (v: number) =>
  v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : Number.isNaN(v) ? "NaN" : String(v);

export class MetricRegistry {
  private readonly families = new Map<string, Family>();

  constructor(private readonly buckets: number[] = DEFAULT_BUCKETS) {}

  private family(name: string, help: string, kind: Kind): Family {
    let f = this.families.get(name);
    if (!f) {
      f = { name, help, kind, series: new Map() };
      this.families.set(name, f);
    } else if (f.kind !== kind) throw new Error(`metric ${name} is a ${f.kind}, not a ${kind}`);
    return f;
  }

  private series(f: Family, labels: Labels): Series {
    const key = seriesKey(labels);
    let s = f.series.get(key);
    if (!s) {
      s = { labels: { ...labels }, value: 0 };
      if (f.kind === "histogram") Object.assign(s, { buckets: this.buckets.map(() => 0), sum: 0, count: 0 });
      f.series.set(key, s);
    }
    return s;
  }

  /** Declares a family so it is listed (HELP/TYPE) even before its first sample. */
  declare(name: string, help: string, kind: Kind): void {
    this.family(name, help, kind);
  }

  inc(name: string, help: string, labels: Labels, by = 1): void {
    this.series(this.family(name, help, "counter"), labels).value += by;
  }

  set(name: string, help: string, labels: Labels, value: number): void {
    this.series(this.family(name, help, "gauge"), labels).value = value;
  }

  /** Creates a series at zero without a sample, as clients initialise the label sets they know of. */
  touch(name: string, help: string, kind: Kind, labels: Labels): void {
    this.series(this.family(name, help, kind), labels);
  }

  observe(name: string, help: string, labels: Labels, value: number): void {
    const s = this.series(this.family(name, help, "histogram"), labels);
    this.buckets.forEach((le, i) => {
      if (value <= le) s.buckets![i]! += 1;
    });
    s.sum! += value;
    s.count! += 1;
  }

  /** Removes every series of a gauge family, for gauges recomputed from scratch on each scrape. */
  resetFamily(name: string): void {
    this.families.get(name)?.series.clear();
  }

  render(): string {
    const out: string[] = [];
    for (const f of this.families.values()) {
      out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${f.name} ${f.kind}`);
      for (const s of f.series.values()) {
        if (f.kind !== "histogram") {
          out.push(`${f.name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
          continue;
        }
        this.buckets.forEach((le, i) =>
          out.push(`${f.name}_bucket${formatLabels({ ...s.labels, le: String(le) })} ${s.buckets![i]}`),
        );
        out.push(`${f.name}_bucket${formatLabels({ ...s.labels, le: "+Inf" })} ${s.count}`);
        out.push(`${f.name}_sum${formatLabels(s.labels)} ${formatValue(s.sum!)}`);
        out.push(`${f.name}_count${formatLabels(s.labels)} ${s.count}`);
      }
    }
    return out.join("\n") + "\n";
  }
}

/** The content type Prometheus expects for the text format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
