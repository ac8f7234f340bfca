// Helpers for tests that run against the simulator: a small fast fleet config, a polling wait, and one cluster's
// runtime (controllers, model servers, /metrics, faults) without the API server.
export { testFleetConfig, waitFor, TEST_TIME_SCALE, modelDeployment, tempArtifacts } from "../fleet/test-support";
export { startClusterRuntime, type ClusterRuntime } from "../fleet/cluster-runtime";
export { SimClock } from "../fleet/sim-clock";
