// `tern migrate`: prints the plan and forecast, requests the migration, and with --wait follows it step by step
// until it ends (exit 0 on SUCCEEDED, 1 on ROLLED_BACK, FAILED, REJECTED, EXPIRED or CANCELLED).
import type { TernClient } from "../client";
import { CliError, EXIT } from "../errors";
import { findCluster, findDeployment } from "../resolve";
import { table } from "../output";

export interface MigrateOptions {
  to: string;
  gpuType?: string;
  steps?: number[];
  analysisSeconds?: number;
  drainGraceSeconds?: number;
  minRequests?: number;
  reason?: string;
  planOnly?: boolean;
  wait?: boolean;
  timeout: number;
  interval: number;
}

interface Plan {
  source: { clusterName: string; cloudName: string; region: string; gpuType: string; replicas: number };
  target: { clusterName: string; cloudName: string; region: string; gpuType: string; replicas: number };
  checks: { id: string; ok: boolean; message: string }[];
  cost: {
    currency: string | null;
    beforePerMonth: number | null;
    afterPerMonth: number | null;
    deltaPerMonth: number | null;
    deltaPercent: number | null;
  };
  latency: { sloMs: number; sourceP95Ms: number | null; targetExpectedP95Ms: number | null };
  traffic: { steps: number[]; analysisSeconds: number };
  warnings: string[];
}
interface Preview {
  ok: boolean;
  plan: Plan;
  planHash: string;
  problems: string[];
  requiredApprovals: number;
  approvalReasons: string[];
}
interface Step {
  index: number;
  kind: string;
  label: string;
  status: string;
  message: string | null;
}
export interface MigrationDetail {
  id: string;
  state: string;
  outcome: string | null;
  approvals: number;
  requiredApprovals: number;
  planHash: string;
  deploymentName: string;
  sourceClusterName: string;
  targetClusterName: string;
  plan: Plan;
  steps: Step[];
}

export const ENDED = ["SUCCEEDED", "ROLLED_BACK", "FAILED", "REJECTED", "EXPIRED", "CANCELLED"];

const money = (v: number | null, currency: string | null) =>
  v === null ? "unknown" : `${v.toFixed(2)} ${currency ?? ""}/month`.replace(" /", "/");
const ms = (v: number | null) => (v === null ? "unknown" : `${Math.round(v)} ms`);

export function describePlan(plan: Plan): string {
  const { source: s, target: t, cost, latency } = plan;
  const delta =
    cost.deltaPerMonth === null
      ? ""
      : ` (${cost.deltaPerMonth >= 0 ? "+" : ""}${cost.deltaPerMonth.toFixed(2)}${cost.deltaPercent === null ? "" : `, ${cost.deltaPercent >= 0 ? "+" : ""}${cost.deltaPercent.toFixed(1)} %`})`;
  return [
    `from     ${s.clusterName} (${s.cloudName}, ${s.region}) ${s.replicas} × ${s.gpuType}`,
    `to       ${t.clusterName} (${t.cloudName}, ${t.region}) ${t.replicas} × ${t.gpuType}`,
    `cost     ${money(cost.beforePerMonth, cost.currency)} → ${money(cost.afterPerMonth, cost.currency)}${delta}`,
    `p95      ${ms(latency.sourceP95Ms)} now → ${ms(latency.targetExpectedP95Ms)} expected (SLO ${latency.sloMs} ms)`,
    `traffic  ${plan.traffic.steps.join(" → ")} %, ${plan.traffic.analysisSeconds} s analysis per step`,
    "checks",
    table(
      ["", "CHECK", "RESULT"],
      plan.checks.map((c) => [c.ok ? "ok" : "FAIL", c.id, c.message]),
    )
      .split("\n")
      .slice(1)
      .map((l) => `  ${l}`)
      .join("\n"),
    ...plan.warnings.map((w) => `warning  ${w}`),
  ].join("\n");
}

export async function migrate(client: TernClient, ref: string, o: MigrateOptions) {
  const [deployment, target] = await Promise.all([findDeployment(client, ref), findCluster(client, o.to)]);
  const input = {
    deploymentId: deployment.id,
    targetClusterId: target.id,
    targetGpuType: o.gpuType,
    trafficSteps: o.steps,
    analysisSeconds: o.analysisSeconds,
    drainGraceSeconds: o.drainGraceSeconds,
    minRequests: o.minRequests,
    reason: o.reason,
  };
  const preview = await client.post<Preview>("/migrations/preview", input);
  console.log(`migration plan for ${deployment.name} (plan ${preview.planHash.slice(0, 12)})`);
  console.log(describePlan(preview.plan));
  if (!preview.ok)
    throw new CliError(EXIT.FAILED, `the plan was refused:\n- ${preview.problems.join("\n- ")}\nnothing was requested`);
  if (o.planOnly) return;
  const m = await client.post<{ id: string; planHash: string; requiredApprovals: number }>("/migrations", input);
  console.log(
    `migration ${m.id} requested; it needs ${m.requiredApprovals} approval${m.requiredApprovals === 1 ? "" : "s"}${preview.approvalReasons.length ? ` (${preview.approvalReasons.join("; ")})` : ""}`,
  );
  console.log(`approve with: tern approvals approve ${m.id}`);
  if (o.wait) await follow(client, m.id, o);
}

/** Polls the migration and prints each state and step change until it ends; throws on a failed ending. */
export async function follow(client: TernClient, id: string, o: { timeout: number; interval: number }) {
  const end = Date.now() + o.timeout * 1000;
  const seen = new Map<number, string>();
  let lastState = "";
  let lastApprovals = -1;
  for (;;) {
    const m = await client.get<MigrationDetail>(`/migrations/${id}`);
    const ended = ENDED.includes(m.state);
    const showState = () => {
      if (m.state === lastState && (m.state !== "PENDING_APPROVAL" || m.approvals === lastApprovals)) return;
      const approvals = m.state === "PENDING_APPROVAL" ? ` (${m.approvals}/${m.requiredApprovals} approvals)` : "";
      console.log(`${stamp()} state ${m.state}${approvals}`);
      lastState = m.state;
      lastApprovals = m.approvals;
    };
    // A new state is printed before the steps it starts, a final one after the steps that led to it.
    if (!ended) showState();
    for (const s of m.steps) {
      const key = `${s.status} ${s.message ?? ""}`;
      if (seen.get(s.index) === key || s.status === "PENDING") continue;
      seen.set(s.index, key);
      const mark = { RUNNING: "…", SUCCEEDED: "✓", FAILED: "✗", SKIPPED: "-" }[s.status] ?? " ";
      console.log(
        `${stamp()} [${s.index + 1}/${m.steps.length}] ${mark} ${s.label} ${s.status}${s.message ? `: ${s.message}` : ""}`,
      );
    }
    if (ended) {
      showState();
      if (m.state === "SUCCEEDED") {
        console.log(`migration ${id} succeeded: ${m.deploymentName} now runs on ${m.targetClusterName}`);
        return;
      }
      throw new CliError(
        EXIT.FAILED,
        `migration ${id} ended ${m.state}${m.outcome ? `: ${m.outcome}` : ""}; ${m.deploymentName} stays on ${m.sourceClusterName}`,
      );
    }
    if (Date.now() > end)
      throw new CliError(
        EXIT.FAILED,
        `gave up waiting after ${o.timeout} s; migration ${id} is ${m.state} (follow it again with \`tern migrations watch ${id}\`)`,
      );
    await new Promise((r) => setTimeout(r, o.interval * 1000));
  }
}

const stamp = () => new Date().toISOString().slice(11, 19);
