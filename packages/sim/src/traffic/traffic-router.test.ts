// Default routing (100 % to the model's oldest deployment), validation of weights, and the daily load curve.
import { describe, expect, it } from "vitest";
import { ObjectStore } from "../store/object-store";
import { dailyRate, sampleRequest } from "./load-generator";
import { WeightTable } from "./traffic-router";

function clusterWith(...deployments: [string, string][]): ObjectStore {
  const store = new ObjectStore();
  store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
  for (const [name, model] of deployments) {
    store.create("deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace: "models", labels: { "tern.dev/model": model } },
      spec: {
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "s", image: "i" }] } },
      },
    });
  }
  return store;
}

describe("WeightTable", () => {
  it("sends a model to its only (or oldest) deployment until weights are set", async () => {
    const a = clusterWith(["credit", "credit-risk"]);
    const b = clusterWith(["credit-eu", "credit-risk"], ["rank", "ranker"]);
    const table = new WeightTable(() => [
      { name: "a", store: a },
      { name: "b", store: b },
    ]);
    expect(table.models()).toEqual(["credit-risk", "ranker"]);
    expect(await table.getWeights("ranker")).toEqual([
      { cluster: "b", namespace: "models", deployment: "rank", weight: 100 },
    ]);
    expect((await table.getWeights("credit-risk"))[0]?.cluster).toBe("a");
    await table.setWeights("credit-risk", [
      { cluster: "b", namespace: "models", deployment: "credit-eu", weight: 100 },
    ]);
    expect((await table.getWeights("credit-risk"))[0]?.cluster).toBe("b");
    // An empty list returns the model to its default.
    await table.setWeights("credit-risk", []);
    expect((await table.getWeights("credit-risk"))[0]?.cluster).toBe("a");
  });

  it("rejects bad weights with one message naming each problem", async () => {
    const table = new WeightTable(() => [{ name: "a", store: clusterWith() }]);
    await expect(
      table.setWeights("m", [{ cluster: "a", namespace: "n", deployment: "d", weight: -1 }]),
    ).rejects.toThrow(/0\.weight: weight must be ≥ 0/);
    await expect(
      table.setWeights("m", [
        { cluster: "z", namespace: "n", deployment: "d", weight: 0 },
        { cluster: "a", namespace: "n", deployment: "d", weight: 0 },
      ]),
    ).rejects.toThrow(/unknown cluster 'z'.*at least one backend needs a weight above 0/);
  });
});

describe("load pattern", () => {
  it("follows a day curve between the minimum and maximum rate", () => {
    expect(dailyRate(0, 2, 20, 600)).toBeCloseTo(2);
    expect(dailyRate(300_000, 2, 20, 600)).toBeCloseTo(20);
    expect(dailyRate(150_000, 2, 20, 600)).toBeCloseTo(11);
    expect(dailyRate(600_000, 2, 20, 600)).toBeCloseTo(2);
  });

  it("builds one-row requests from model metadata", () => {
    const req = sampleRequest([{ name: "features", datatype: "FP32", shape: [-1, 8] }]);
    expect(req.inputs[0]).toMatchObject({ name: "features", shape: [1, 8], datatype: "FP32" });
    expect(req.inputs[0]?.data).toHaveLength(8);
  });
});
