// The diff behind `tern apply`: creates, in-place updates, prune-only deletes, and refusals that name the fix.
import { describe, expect, it } from "vitest";
import type { TeamDocument } from "../../validation/team-document";
import { planTeamApply } from "./plan-team-apply";

const version = {
  version: "1.0.0",
  format: "ONNX" as const,
  artifactUri: "sim://aws/credit-risk/1.0.0/model.onnx",
  sha256: "a".repeat(64),
  sizeBytes: 1234,
  runtimeImage: "tern/onnx-server:1",
  goldenSet: [{ input: [1], expected: [0.5] }],
};
const team: TeamDocument = {
  apiVersion: "tern/v1",
  kind: "Team",
  clouds: [{ name: "aws", provider: "AWS" }],
  clusters: [{ name: "aws-gpu", cloud: "aws", region: "us-east-1", prometheusUrl: null, residencyTags: ["us"] }],
  gpuPrices: [
    {
      provider: "AWS",
      region: "us-east-1",
      gpuType: "A10G",
      pricePerHour: 1.2,
      currency: "USD",
      source: "list",
      effectiveDate: "2026-01-01",
    },
  ],
  models: [
    {
      name: "credit-risk",
      task: "classification",
      framework: "xgboost",
      description: null,
      residencyTags: [],
      versions: [version],
    },
  ],
  deployments: [
    {
      name: "credit-risk",
      namespace: "models",
      cluster: "aws-gpu",
      model: "credit-risk",
      version: "1.0.0",
      replicas: 2,
      gpusPerReplica: 1,
      gpuType: "A10G",
      minReplicas: 1,
      maxReplicas: 4,
      latencySloMs: 120,
    },
  ],
};
const copy = (): TeamDocument => structuredClone(team);

describe("planTeamApply", () => {
  it("finds nothing to do when the document is the team", () => {
    const plan = planTeamApply(team, copy(), true);
    expect(plan).toMatchObject({ changes: [], problems: [], notes: [] });
    expect(plan.unchanged).toBe(6);
  });

  it("creates what is new and updates what changed, field by field", () => {
    const doc = copy();
    doc.clouds.push({ name: "lepton", provider: "LEPTON" });
    doc.deployments[0]!.replicas = 3; // autoscaled (1-4): its HPA owns replicas, so only the bound change counts
    doc.deployments[0]!.maxReplicas = 6;
    doc.clusters[0]!.residencyTags = ["us", "gdpr"];
    doc.models[0]!.versions.push({ ...version, version: "1.1.0" });
    const plan = planTeamApply(team, doc, false);
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([
      { action: "create", kind: "cloud", name: "lepton", fields: [] },
      {
        action: "update",
        kind: "cluster",
        name: "aws-gpu",
        fields: [{ field: "residencyTags", from: ["us"], to: ["gdpr", "us"] }],
      },
      { action: "create", kind: "modelVersion", name: "credit-risk:1.1.0", fields: [] },
      {
        action: "update",
        kind: "deployment",
        name: "aws-gpu/models/credit-risk",
        fields: [{ field: "maxReplicas", from: 4, to: 6 }],
      },
    ]);
  });

  it("compares replicas only where no autoscaler owns them", () => {
    const fixed = copy();
    Object.assign(fixed.deployments[0]!, { minReplicas: 2, maxReplicas: 2, replicas: 2 });
    const doc = structuredClone(fixed);
    Object.assign(doc.deployments[0]!, { minReplicas: 3, maxReplicas: 3, replicas: 3 });
    expect(planTeamApply(fixed, doc, false).changes[0]?.fields).toEqual([
      { field: "replicas", from: 2, to: 3 },
      { field: "minReplicas", from: 2, to: 3 },
      { field: "maxReplicas", from: 2, to: 3 },
    ]);
  });

  it("deletes only with prune, and keeps a model its deployments still run", () => {
    const doc = { ...copy(), gpuPrices: [], models: [], deployments: [] };
    expect(planTeamApply(team, doc, false).changes).toEqual([]);
    const plan = planTeamApply(team, doc, true);
    expect(plan.changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([
      "delete gpuPrice AWS/us-east-1/A10G@2026-01-01",
      "delete deployment aws-gpu/models/credit-risk",
    ]);
    expect(plan.notes.join("\n")).toMatch(/kept model 'credit-risk': deployments still run it/);
  });

  it("refuses what cannot be done, saying how to do it instead", () => {
    const doc = copy();
    doc.clusters.push({ name: "new-gpu", cloud: "aws", region: "us-west-2", prometheusUrl: null, residencyTags: [] });
    doc.models[0]!.versions[0]!.sha256 = "b".repeat(64);
    doc.deployments[0]!.gpuType = "H100";
    doc.clouds[0]!.provider = "GCP";
    const problems = planTeamApply(team, doc, false).problems.join("\n");
    expect(problems).toMatch(/cluster 'new-gpu' is not in Tern.*no credentials.*import its kubeconfig first/);
    expect(problems).toMatch(/credit-risk:1.0.0 differs from Tern's in sha256; versions are immutable/);
    expect(problems).toMatch(/gpuType cannot change in place/);
    expect(problems).toMatch(/cloud 'aws' is AWS in Tern, the document says GCP/);
  });

  it("names duplicates in the document", () => {
    const doc = copy();
    doc.models.push(doc.models[0]!);
    expect(planTeamApply(team, doc, false).problems).toContain(
      "the document lists model 'credit-risk' twice; keep one",
    );
  });
});
