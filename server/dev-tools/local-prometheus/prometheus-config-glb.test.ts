// The local Prometheus also scrapes the simulated GLB, keeping its per-backend cluster labels.
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderPrometheusConfig } from "./prometheus-config";

describe("GLB scrape job", () => {
  it("adds the GLB with honor_labels, and only when asked", () => {
    const cfg = parse(renderPrometheusConfig({ targets: [], glbUrl: "http://127.0.0.1:16430/metrics" })) as {
      scrape_configs: Record<string, unknown>[];
    };
    expect(cfg.scrape_configs).toEqual([
      {
        job_name: "tern-sim-glb",
        scheme: "http",
        metrics_path: "/metrics",
        honor_labels: true,
        static_configs: [{ targets: ["127.0.0.1:16430"] }],
      },
    ]);
    expect((parse(renderPrometheusConfig({ targets: [] })) as { scrape_configs: unknown[] }).scrape_configs).toEqual(
      [],
    );
  });
});
