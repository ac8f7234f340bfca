import { describe, expect, it } from "vitest";
import { buildPlan, type PlanInputs } from "./build-plan";
import { planHash } from "./plan-hash";
import { requiredApprovals } from "./required-approvals";
import { costForecast } from "./monthly-cost";
import { equivalentReplicas } from "./gpu-equivalence";
import { planSteps } from "./plan-steps";
import { DEFAULT_POLICY } from "../../services/approvals/approval-policy";

function inputs(over: Partial<PlanInputs> = {}): PlanInputs {
  return {
    request: {
      deploymentId: "d1",
      targetClusterId: "c2",
      minRequests: 20,
      trafficSteps: [10, 50, 100],
      analysisSeconds: 60,
      drainGraceSeconds: 30,
    },
    source: {
      deploymentId: "d1",
      namespace: "models",
      name: "credit-risk",
      replicas: 2,
      gpusPerReplica: 1,
      gpuType: "A10G",
      latencySloMs: 120,
      minReplicas: 1,
      maxReplicas: 4,
      cluster: { id: "c1", name: "aws-use1", region: "us-east-1", residencyTags: ["us"] },
      cloud: { id: "aws", name: "aws", provider: "AWS", storeReady: true },
    },
    target: {
      cluster: {
        id: "c2",
        name: "gcp-euw4",
        region: "europe-west4",
        residencyTags: ["eu"],
        gpuCapacity: { L4: { allocatable: 8, allocated: 2 } },
        health: "HEALTHY",
      },
      cloud: { id: "gcp", name: "gcp", provider: "GCP", storeBucket: "tern-gcp", storeReady: true },
    },
    model: { id: "m1", name: "credit-risk", residencyTags: [] },
    version: {
      id: "v1",
      version: "1.0.0",
      format: "ONNX",
      runtimeImage: "ghcr.io/tern/onnx-server:1",
      artifactUri: "sim://aws/models/credit-risk/1.0.0/model.onnx",
      sha256: "a".repeat(64),
      sizeBytes: 200 * 1024 * 1024,
      goldenCases: 4,
    },
    throughput: {},
    trafficRouter: true,
    prices: { source: { pricePerHour: 1.0, currency: "USD" }, target: { pricePerHour: 0.7, currency: "USD" } },
    latency: { sourceP95Ms: 40, targetExpectedP95Ms: null, basis: "unknown" },
    ...over,
  };
}

describe("migration plan", () => {
  it("sizes the target for the same throughput on another GPU type and forecasts the cost", () => {
    const { plan, problems } = buildPlan(inputs());
    expect(problems).toEqual([]);
    // 2 × A10G (0.45) = 0.9 A100-equivalents → 3 × L4 (0.35).
    expect(plan.target).toMatchObject({ gpuType: "L4", replicas: 3 });
    expect(plan.capacity).toMatchObject({ needed: 3, free: 6 });
    expect(plan.cost).toMatchObject({ currency: "USD", beforePerMonth: 1460, afterPerMonth: 1533, deltaPerMonth: 73 });
    expect(plan.model.targetArtifactUri).toBe("s3://tern-gcp/models/credit-risk/1.0.0/model.onnx");
    expect(plan.artifact.estimatedCopySeconds).toBe(4);
  });

  it("names every failed check", () => {
    const { problems } = buildPlan(
      inputs({
        model: { id: "m1", name: "credit-risk", residencyTags: ["cn"] },
        target: {
          cluster: {
            id: "c2",
            name: "gcp-euw4",
            region: "europe-west4",
            residencyTags: ["eu"],
            gpuCapacity: { L4: { allocatable: 2, allocated: 2 } },
            health: "UNREACHABLE",
          },
          cloud: { id: "gcp", name: "gcp", provider: "GCP", storeBucket: null, storeReady: false },
        },
        version: { ...inputs().version, goldenCases: 0, runtimeImage: "vllm/vllm-openai:0.6" },
      }),
    );
    expect(problems.join("\n")).toMatch(/only 0 free/);
    expect(problems.join("\n")).toMatch(/may only run where data may live in cn/);
    expect(problems.join("\n")).toMatch(/does not serve ONNX/);
    expect(problems.join("\n")).toMatch(/unreachable/);
    expect(problems.join("\n")).toMatch(/no object store configured/);
    expect(problems.join("\n")).toMatch(/no golden set/);
  });

  it("is refused without a traffic router, saying why", () => {
    const { plan, problems } = buildPlan(inputs({ trafficRouter: false }));
    expect(problems).toEqual([expect.stringMatching(/no traffic router is configured/)]);
    expect(plan.checks.find((c) => c.id === "traffic")?.ok).toBe(false);
  });

  it("never adds different currencies", () => {
    const c = costForecast({
      source: { pricePerHour: 1, currency: "USD" },
      target: { pricePerHour: 7, currency: "CNY" },
      sourceGpus: 1,
      targetGpus: 1,
      overlapHours: 1,
    });
    expect(c).toMatchObject({ currency: null, deltaPerMonth: null, overlapCost: null });
    // Each side is still shown, in its own currency.
    expect(c).toMatchObject({ beforePerMonth: 730, sourceCurrency: "USD", afterPerMonth: 5110, targetCurrency: "CNY" });
    expect(c.notes.join()).toMatch(/does not add different currencies/);
  });

  it("hashes the canonical plan: key order does not matter, any change does", () => {
    const { plan } = buildPlan(inputs());
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const reordered = reverse(plan) as typeof plan;
    expect(Object.keys(reordered)[0]).toBe("warnings");
    expect(planHash(reordered)).toBe(planHash(plan));
    expect(planHash({ ...plan, drainGraceSeconds: 31 })).not.toBe(planHash(plan));
  });

  it("asks for more approvers when the cost rises past the threshold or the target leaves the residency zone", () => {
    const { plan } = buildPlan(inputs());
    expect(requiredApprovals(plan, DEFAULT_POLICY)).toMatchObject({
      required: 2,
      reasons: [expect.stringMatching(/leaves residency zone us/)],
    });
    const sameZone = { ...plan, target: { ...plan.target, residencyTags: ["us"] } };
    expect(requiredApprovals(sameZone, DEFAULT_POLICY)).toEqual({ required: 1, reasons: [] });
    const pricey = { ...sameZone, cost: { ...plan.cost, deltaPercent: 35 } };
    expect(requiredApprovals(pricey, DEFAULT_POLICY).required).toBe(2);
  });

  it("plans copy, deploy, verify, one shift per traffic step, drain and finalize", () => {
    const { plan } = buildPlan(inputs());
    expect(planSteps(plan).map((s) => s.kind)).toEqual([
      "COPY_ARTIFACT",
      "DEPLOY_TARGET",
      "WAIT_READY",
      "VERIFY",
      "SHIFT_TRAFFIC",
      "SHIFT_TRAFFIC",
      "SHIFT_TRAFFIC",
      "DRAIN_SOURCE",
      "FINALIZE",
    ]);
    const sameCloud = buildPlan(
      inputs({
        target: { ...inputs().target, cloud: { ...inputs().source.cloud, storeBucket: null } },
      }),
    ).plan;
    expect(planSteps(sameCloud)[0]!.kind).toBe("DEPLOY_TARGET");
  });

  it("keeps the replica count when a GPU type has no throughput figure", () => {
    expect(equivalentReplicas({ replicas: 3, sourceThroughput: 1, targetThroughput: null })).toBe(3);
    expect(equivalentReplicas({ replicas: 2, sourceThroughput: 0.45, targetThroughput: 0.45 })).toBe(2);
    expect(equivalentReplicas({ replicas: 0, sourceThroughput: 1, targetThroughput: 0.5 })).toBe(0);
  });
});
