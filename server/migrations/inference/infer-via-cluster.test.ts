// inferViaCluster end to end through a simulated API server's services/proxy: golden sets pass on the right
// version, fail on credit-risk 1.1.0, and each kind of failure is named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import { findDemoModel } from "@tern/sim/models";
import { demoArtifactPath, readDemoGoldenSet } from "@tern/sim/models";
import { clearModelCache, createInferenceHandler, loadModel } from "@tern/sim/models";
import { parseGoldenSet, type GoldenCase } from "../verify/golden-set";
import { runGoldenSet, shadowCompare } from "../verify/run-golden-set";
import { inferFnFor, inferViaCluster, InferenceError } from "./infer-via-cluster";

let sim: SimTestCluster;
let golden: GoldenCase[];
let errorRate = 0;

beforeAll(async () => {
  const [v1, v2] = await Promise.all(
    ["1.0.0", "1.1.0"].map(async (v) => loadModel(demoArtifactPath(findDemoModel("credit-risk", v)!))),
  );
  golden = parseGoldenSet(await readDemoGoldenSet(findDemoModel("credit-risk", "1.0.0")!));
  const handlers = new Map(
    [v1!, v2!].map((m) => [
      m.version,
      createInferenceHandler({
        getModel: (n) => (n === m.name ? m : undefined),
        faults: () => ({ errorRate, errorCode: 503, outputDelta: 0 }),
      }),
    ]),
  );
  sim = await startSimTestCluster({
    serviceProxy: {
      endpoints: (_ns, sel) => (sel.version && handlers.get(sel.version) ? [handlers.get(sel.version)!] : []),
    },
  });
  sim.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
  for (const [name, version] of [
    ["credit-v1", "1.0.0"],
    ["credit-v2", "1.1.0"],
    ["credit-down", "9.9.9"],
  ] as const)
    sim.store.create("services", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace: "models" },
      spec: { selector: { version }, ports: [{ name: "http", port: 8080 }] },
    });
});
afterAll(async () => {
  await sim.close();
  await clearModelCache();
});

const at = (service: string) => ({ namespace: "models", service, modelName: "credit-risk" });

describe("inferViaCluster", () => {
  it("verifies a golden set through the API server, and tells 1.1.0 from 1.0.0", async () => {
    const source = inferFnFor(sim.driver(), at("credit-v1"));
    const target = inferFnFor(sim.driver(), at("credit-v2"));
    expect((await runGoldenSet(golden, source)).match).toBe(true);
    const wrong = await runGoldenSet(golden, target);
    expect(wrong.match).toBe(false);
    expect(wrong.cases.find((c) => !c.match)?.mismatches[0]?.kind).toBe("value");
    expect(
      (
        await shadowCompare(
          golden.map((g) => g.input),
          source,
          target,
        )
      ).match,
    ).toBe(false);
  });

  it("names a cluster refusal, a model server error and a fault-injected 5xx", async () => {
    const down = await inferViaCluster(sim.driver(), at("credit-down"), golden[0]!.input).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(InferenceError);
    expect(down).toMatchObject({
      kind: "cluster",
      status: 503,
      message: expect.stringMatching(/no ready endpoints/) as unknown,
    });
    const bad = await inferViaCluster(sim.driver(), at("credit-v1"), { inputs: [] }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: "model_server", status: 400 });
    errorRate = 1;
    try {
      const r = await runGoldenSet(golden, inferFnFor(sim.driver(), at("credit-v1")));
      expect(r).toMatchObject({ match: false, errors: golden.length });
      expect(r.cases[0]?.error).toMatch(/answered HTTP 503: simulated model server failure/);
    } finally {
      errorRate = 0;
    }
  });
});
