// What a simulated model-server container prints: start-up, model fetch and load, the port it serves, a request
// summary every 10 simulated seconds from the inferences it really answered, and the error it exits with.
import type { LoadedModel } from "../models/model-runtime";
import type { ModelSource } from "./model-loader";
import type { PodLogBook } from "./pod-logs";

/** How often the server prints its request summary (simulated ms), as serving runtimes' stats loggers do. */
export const SUMMARY_EVERY_MS = 10_000;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
const shape = (s: readonly number[]) => `[${s.map((d) => (d < 0 ? "-1" : String(d))).join(",")}]`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export class ServingLog {
  private durations: number[] = [];
  private errors = 0;
  private total = 0;

  constructor(
    private readonly book: PodLogBook,
    private readonly podUid: string,
    private readonly container: string,
  ) {}

  private line(level: "INFO" | "WARN" | "ERROR", text: string): void {
    this.book.write(this.podUid, this.container, `${level.padEnd(5)} ${text}`);
  }

  started(opts: { image: string; node: string; gpuType: string; src: ModelSource }): void {
    this.durations = [];
    this.errors = 0;
    const version = opts.image.split(":")[1] ?? "latest";
    this.line("INFO", `onnx-server ${version} starting (pid 1), image ${opts.image}`);
    this.line(
      "INFO",
      `node ${opts.node}: GPU ${opts.gpuType || "none"}; execution providers: ${opts.gpuType ? "CUDAExecutionProvider, " : ""}CPUExecutionProvider`,
    );
    if (!opts.src.uri) return this.line("WARN", "MODEL_URI is not set");
    this.line(
      "INFO",
      `model ${opts.src.name ?? "?"} ${opts.src.version ?? ""}`.trimEnd() + ` from ${opts.src.uri}: fetching artifact`,
    );
  }

  loaded(model: LoadedModel, ms: number): void {
    this.line("INFO", `artifact ${size(model.sizeBytes)}, sha256 ${model.sha256.slice(0, 12)}… verified`);
    const io = (t: LoadedModel["inputs"]) => t.map((x) => `${x.name} ${x.datatype}${shape(x.shape)}`).join(", ");
    this.line(
      "INFO",
      `model ${model.name} ${model.version} loaded in ${ms} ms; inputs: ${io(model.inputs)}; outputs: ${io(model.outputs)}`,
    );
    this.line("INFO", `serving Open Inference Protocol v2 on 0.0.0.0:8080 (POST /v2/models/${model.name}/infer)`);
  }

  ready(): void {
    this.line("INFO", "ready: /v2/health/ready returns 200");
  }

  /** One answered inference request (from the server's own handler). */
  request(statusCode: number, durationMs: number): void {
    this.total++;
    if (statusCode >= 400) this.errors++;
    this.durations.push(durationMs);
  }

  /** The periodic summary; quiet when nothing came in, as the stats loggers of serving runtimes are. */
  summary(periodMs: number): void {
    const n = this.durations.length;
    if (n === 0) return;
    const sorted = [...this.durations].sort((a, b) => a - b);
    const f = (v: number) => v.toFixed(1);
    this.line(
      "INFO",
      `last ${periodMs / 1000}s: ${n} requests (${(n / (periodMs / 1000)).toFixed(1)}/s), ${this.errors} errors; latency p50 ${f(percentile(sorted, 0.5))} ms, p95 ${f(percentile(sorted, 0.95))} ms, max ${f(sorted[n - 1]!)} ms; ${this.total} total`,
    );
    this.durations = [];
    this.errors = 0;
  }

  crashed(message: string): void {
    this.line("ERROR", message);
    this.line("ERROR", "model server exiting with code 1");
  }

  stopping(): void {
    this.line("INFO", "received SIGTERM: draining in-flight requests, then exiting");
  }
}
