// The recording rules file: valid for promtool, one p50/p95/p99 per recordable runtime histogram and rate window,
// grouped by exactly the labels the chart's query selects on, and read back under the name the chart asks for.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultEnvironment, which } from "../dev-tools/local-prometheus/prometheus-binary";
import { latencyRecordedQuantiles } from "./promql";
import { recordedQuantileName, renderRecordingRules } from "./recording-rules";

interface Rule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
const text = renderRecordingRules({ windows: ["2m", "120s", "5m"] });
const groups = (parse(text) as { groups: { name: string; interval: string; rules: Rule[] }[] }).groups;
const rules = groups[0]!.rules;

describe("recording rules", () => {
  it("records p50, p95 and p99 of the simulator's histogram per cluster id, namespace and deployment", () => {
    const sim = rules.filter((r) => r.record === "tern_deployment:request_predict_seconds:histogram_quantile_rate2m");
    expect(sim.map((r) => [r.labels.quantile, r.expr])).toEqual(
      ["0.5", "0.95", "0.99"].map((q) => [
        q,
        `histogram_quantile(${q}, sum by (le, tern_cluster_id, namespace, deployment) (rate(request_predict_seconds_bucket[2m])))`,
      ]),
    );
  });

  it("writes each window once however it is spelled, and skips runtimes labelled by pod", () => {
    expect(groups).toHaveLength(1);
    expect(new Set(rules.map((r) => r.record.replace(/.*_rate/, ""))).size).toBe(2);
    const keys = rules.map((r) => `${r.record} ${r.labels.quantile}`);
    expect(new Set(keys).size).toBe(keys.length);
    // vLLM labels its histogram by pod, not by deployment: its quantiles cannot be recorded per deployment.
    expect(rules.some((r) => r.record.includes("vllm"))).toBe(false);
    expect(recordedQuantileName("vllm:e2e_request_latency_seconds", "2m")).toBe(
      "tern_deployment:vllm_e2e_request_latency_seconds:histogram_quantile_rate2m",
    );
    expect(rules.every((r) => /^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(r.record))).toBe(true);
  });

  it("is what the chart's query reads, scoped to one deployment, in milliseconds", () => {
    const q = latencyRecordedQuantiles({ cluster: "c1", namespace: "models", deployment: "d1", window: "120s" })!;
    expect(q.expr).toBe(
      `(max by (quantile) (${recordedQuantileName("request_predict_seconds", "2m")}{tern_cluster_id="c1",namespace="models",deployment="d1"})) * 1000`,
    );
    expect(latencyRecordedQuantiles({ namespace: "m", deployment: "d", window: "2m", runtime: "triton" })).toBeNull();
  });

  const promtool = which("promtool", defaultEnvironment());
  it.skipIf(!promtool)("passes promtool check rules", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tern-rules-"));
    try {
      const file = path.join(dir, "rules.yml");
      writeFileSync(file, text);
      const r = spawnSync(promtool!, ["check", "rules", file], { encoding: "utf8" });
      expect(r.stdout + r.stderr).toMatch(new RegExp(`SUCCESS: ${rules.length} rules found`));
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
