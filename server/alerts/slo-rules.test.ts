// Rule generation, checked by Prometheus' own promtool (`check rules`) when it is installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderSloRules, SLO_ALERTS, type SloDeployment } from "./slo-rules";

const hasPromtool = spawnSync("promtool", ["--version"], { encoding: "utf8" }).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "tern-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deployments: SloDeployment[] = [
  { id: "cmdep1", teamId: "cmteam1", clusterId: "cmclu1", namespace: "models", name: "credit", latencySloMs: 120 },
  { id: "cmdep2", teamId: "cmteam1", clusterId: "cmclu2", namespace: "vision", name: "resnet", latencySloMs: 80 },
];

interface RuleFile {
  groups: { name: string; rules: { alert: string; expr: string; for: string; labels: Record<string, string> }[] }[];
}

describe("SLO alert rules", () => {
  it("derives latency, error, readiness and burn-rate alerts from each deployment's SLO", () => {
    const file = parse(renderSloRules(deployments, { latencyForMinutes: 3 })) as RuleFile;
    expect(file.groups.map((g) => g.name)).toEqual(["tern-slo-cmdep1", "tern-slo-cmdep2"]);
    const rules = file.groups[0]!.rules;
    expect(rules.map((r) => r.alert)).toEqual([
      SLO_ALERTS.latency,
      SLO_ALERTS.errors,
      SLO_ALERTS.noReplicas,
      SLO_ALERTS.budgetFast,
      SLO_ALERTS.budgetFast,
      SLO_ALERTS.budgetSlow,
    ]);
    const latency = rules[0]!;
    expect(latency.for).toBe("3m");
    expect(latency.expr).toMatch(
      /^\(histogram_quantile\(0\.95, .*tern_cluster_id="cmclu1".*deployment="credit".*\)\) \* 1000 > 120$/,
    );
    expect(latency.labels).toMatchObject({
      tern_deployment_id: "cmdep1",
      tern_team_id: "cmteam1",
      severity: "warning",
    });
    // 14.4 × the 0.5 % budget, on both the 1 h and the 5 m window
    expect(rules[3]!.expr).toMatch(/\[1h\].*> 0\.072 and .*\[5m\].*> 0\.072$/);
    expect(rules[5]!.labels).toMatchObject({ severity: "warning", burn_rate: "3", window: "1d" });
  });

  it.skipIf(!hasPromtool)("passes promtool check rules", () => {
    const file = path.join(dir, "tern-slo.rules.yml");
    writeFileSync(file, renderSloRules(deployments));
    const r = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("SUCCESS: 12 rules found");
  });

  it.skipIf(!hasPromtool)("promtool refuses a broken rule (the check can fail)", () => {
    const file = path.join(dir, "broken.rules.yml");
    writeFileSync(file, renderSloRules(deployments).replace("> 120", "> > 120"));
    expect(spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" }).status).not.toBe(0);
  });
});
