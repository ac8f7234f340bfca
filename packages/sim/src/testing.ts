// Helpers for tests that run against the simulator: a small fast fleet config and a polling wait.
export { testFleetConfig, waitFor, TEST_TIME_SCALE } from "./fleet/test-support";
