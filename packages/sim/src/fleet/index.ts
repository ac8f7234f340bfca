// Public surface of the simulated fleet: start it, read its config, and the pieces benches and tests build on.
export { startFleet, type Fleet, type SimCluster, type StartFleetOptions } from "./start-fleet";
export {
  DEMO_FLEET_CONFIG,
  loadFleetConfig,
  parseFleetConfig,
  withPortOffset,
  type ClusterConfig,
  type CloudConfig,
  type FleetConfig,
} from "./fleet-config";
export { PodLogBook } from "./pod-logs";
export { buildPodStatus, runningState, waitingState } from "./pod-status";
