// The multicluster.x-k8s.io ServiceImport name that selects one cluster's copy of a deployment's Service: what a
// Gateway API backendRef names to split traffic per cluster (as GKE multi-cluster Gateways do). Each cluster
// exports its model Service under this name (a ServiceExport of a Service so named); the simulator derives the
// same name (packages/sim/src/traffic/service-import-name.ts) and both tests pin one long vector.
import { createHash } from "node:crypto";

/** `<deployment>-<cluster>`; past 63 characters, the first 54 plus `-` and 8 hex of sha256("<deployment>/<cluster>"). */
export function serviceImportName(deployment: string, cluster: string): string {
  const plain = `${deployment}-${cluster}`;
  if (plain.length <= 63) return plain;
  const hash = createHash("sha256").update(`${deployment}/${cluster}`).digest("hex").slice(0, 8);
  return `${plain.slice(0, 54).replace(/-+$/, "")}-${hash}`;
}
