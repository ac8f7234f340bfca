import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { instanceOf, renderPrometheusConfig } from "./prometheus-config";
import { defaultEnvironment, planPrometheus, which, type BinaryEnvironment } from "./prometheus-binary";

const targets = [
  { job: "tern-sim", cluster: "aws-use1-gpu", clusterId: "c0aws", url: "http://127.0.0.1:16541/metrics" },
  { job: "tern-sim", cluster: "gcp-euw4-gpu", url: "https://127.0.0.1:16542/custom/metrics", tlsCaFile: "/tmp/ca.pem" },
  {
    job: "kube-state-metrics",
    cluster: "onprem-dc1",
    url: "https://ksm.example:8443/metrics",
    scheme: "https" as const,
    insecure: true,
  },
];

describe("prometheus.yml", () => {
  const text = renderPrometheusConfig({ targets, ternUrl: "http://127.0.0.1:3000/api/metrics" });
  const cfg = parse(text) as { global: Record<string, string>; scrape_configs: Record<string, unknown>[] };

  it("scrapes the clusters and the GLB at their own interval, Tern's /metrics at the global one", () => {
    const fast = parse(
      renderPrometheusConfig({
        targets,
        ternUrl: "http://127.0.0.1:3000/api/metrics",
        glbUrl: "http://127.0.0.1:16430/metrics",
        clusterScrapeSeconds: 1,
      }),
    ) as { global: Record<string, string>; scrape_configs: Record<string, unknown>[] };
    expect(fast.global.scrape_interval).toBe("5s");
    const byJob = Object.fromEntries(fast.scrape_configs.map((c) => [c.job_name as string, c]));
    expect(byJob["tern-sim-aws-use1-gpu-0"]).toMatchObject({ scrape_interval: "1s", scrape_timeout: "1s" });
    expect(byJob["tern-sim-glb"]).toMatchObject({ scrape_interval: "1s" });
    expect(byJob.tern).not.toHaveProperty("scrape_interval");
  });

  it("scrapes every 5 s and labels every series with Tern's id and name for the cluster", () => {
    expect(cfg.global.scrape_interval).toBe("5s");
    expect(cfg.scrape_configs[0]).toEqual({
      job_name: "tern-sim-aws-use1-gpu-0",
      scheme: "http",
      metrics_path: "/metrics",
      static_configs: [{ targets: ["127.0.0.1:16541"], labels: { cluster: "aws-use1-gpu", tern_cluster_id: "c0aws" } }],
      relabel_configs: [{ target_label: "job", replacement: "tern-sim" }],
      metric_relabel_configs: [{ action: "labeldrop", regex: "exported_cluster|exported_tern_cluster_id" }],
    });
    expect(cfg.scrape_configs[1]).toMatchObject({
      scheme: "https",
      metrics_path: "/custom/metrics",
      tls_config: { ca_file: "/tmp/ca.pem" },
    });
    expect(cfg.scrape_configs[2]).toMatchObject({ tls_config: { insecure_skip_verify: true } });
    expect(cfg.scrape_configs[3]).toEqual({
      job_name: "tern",
      scheme: "http",
      metrics_path: "/api/metrics",
      honor_labels: true,
      static_configs: [{ targets: ["127.0.0.1:3000"] }],
    });
    expect(instanceOf("http://127.0.0.1:16541/metrics")).toBe("127.0.0.1:16541");
  });

  it("refuses targets that would break the file", () => {
    expect(() => renderPrometheusConfig({ targets: [{ job: "x\ny", cluster: "a", url: "http://h/metrics" }] })).toThrow(
      /job must be/,
    );
    expect(() => renderPrometheusConfig({ targets: [{ job: "x", cluster: "A B", url: "http://h/metrics" }] })).toThrow(
      /cluster must be/,
    );
    expect(() => renderPrometheusConfig({ targets: [{ job: "x", cluster: "a", url: "file:///etc/passwd" }] })).toThrow(
      /http\(s\) URL/,
    );
  });

  it("lists rule files only when there are some", () => {
    expect(text).not.toMatch(/rule_files/);
    const withRules = parse(renderPrometheusConfig({ targets, ruleFiles: ["/r/a.yml", "/r/b.yml"] })) as {
      rule_files: string[];
    };
    expect(withRules.rule_files).toEqual(["/r/a.yml", "/r/b.yml"]);
  });

  const promtool = which("promtool", defaultEnvironment());
  // --syntax-only: the CA file need not exist on this machine.
  it.skipIf(!promtool)("passes promtool check config", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tern-promcfg-"));
    try {
      const file = path.join(dir, "prometheus.yml");
      writeFileSync(file, text);
      const r = spawnSync(promtool!, ["check", "config", "--syntax-only", file], { encoding: "utf8" });
      expect(r.stdout + r.stderr).toMatch(/SUCCESS/);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("finding Prometheus", () => {
  const env = (over: Partial<BinaryEnvironment> & { files?: string[] }): BinaryEnvironment => ({
    env: { PATH: "/usr/local/bin:/usr/bin", ...over.env },
    isRoot: over.isRoot ?? false,
    isExecutable: (f) => (over.files ?? []).includes(f),
  });

  it("uses PROMETHEUS_BIN and the promtool beside it", () => {
    expect(
      planPrometheus(
        env({ env: { PROMETHEUS_BIN: "/opt/p/prometheus" }, files: ["/opt/p/prometheus", "/opt/p/promtool"] }),
      ),
    ).toEqual({ action: "use", bins: { prometheus: "/opt/p/prometheus", promtool: "/opt/p/promtool" } });
    expect(planPrometheus(env({ env: { PROMETHEUS_BIN: "/nope" } }))).toEqual({
      action: "unavailable",
      reason: "PROMETHEUS_BIN=/nope is not an executable file",
    });
  });
  it("finds it on PATH", () => {
    expect(planPrometheus(env({ files: ["/usr/bin/prometheus", "/usr/bin/promtool"] }))).toEqual({
      action: "use",
      bins: { prometheus: "/usr/bin/prometheus", promtool: "/usr/bin/promtool" },
    });
  });
  it("installs with apt only as root with apt-get", () => {
    expect(planPrometheus(env({ isRoot: true, files: ["/usr/bin/apt-get"] }))).toEqual({ action: "install" });
    const plan = planPrometheus(env({ isRoot: false, files: ["/usr/bin/apt-get"] }));
    expect(plan.action).toBe("unavailable");
    expect(plan.action === "unavailable" && plan.reason).toMatch(
      /^Prometheus is not installed, so charts are off; install it with `sudo apt-get install -y --no-install-recommends prometheus`/,
    );
  });
});
