// The status sync's public surface: start one cluster's sync, or manage many.
export { startClusterSync } from "./start-cluster-sync";
export { SyncManager, type SyncManagerOptions } from "./sync-manager";
export { derivePhase, FAILING_REASONS, type PhaseInput } from "./deployment-phase";
export { buildSnapshot } from "./build-snapshot";
export type * from "./types";
