// One simulated cluster's runtime (the test fleet's first cluster, demo artifacts, fast time) with a "models"
// namespace, for tests that run Deployments through the controllers and model servers.
import { startClusterRuntime, type ClusterRuntime } from "../fleet/cluster-runtime";
import { SimClock } from "../fleet/sim-clock";
import { TEST_TIME_SCALE, tempArtifacts, testFleetConfig } from "../fleet/test-support";

export interface ModelsRuntime {
  rt: ClusterRuntime;
  clock: SimClock;
  /** Stops the runtime and its clock and removes the artifacts (a plain function: tests destructure it). */
  stop: () => Promise<void>;
}

export async function startModelsRuntime(timeScale = TEST_TIME_SCALE): Promise<ModelsRuntime> {
  const clock = new SimClock(timeScale);
  const fleet = testFleetConfig();
  const artifacts = await tempArtifacts();
  const rt = await startClusterRuntime({ fleet, cluster: fleet.clusters[0]!, artifacts: artifacts.stores, clock });
  rt.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
  return {
    rt,
    clock,
    stop: async () => {
      await rt.stop();
      clock.stop();
      await artifacts.cleanup();
    },
  };
}
