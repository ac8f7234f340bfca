// The name under which the simulated multi-cluster Services layer exports one cluster's Service: the
// multicluster.x-k8s.io ServiceImport a Gateway API backendRef names to send traffic to that cluster only.
// Tern's Gateway API router derives the same name (server/migrations/traffic/service-import-name.ts).
import { createHash } from "node:crypto";

/** `<deployment>-<cluster>`; past 63 characters, the first 54 plus `-` and 8 hex of sha256("<deployment>/<cluster>"). */
export function serviceImportName(deployment: string, cluster: string): string {
  const plain = `${deployment}-${cluster}`;
  if (plain.length <= 63) return plain;
  const hash = createHash("sha256").update(`${deployment}/${cluster}`).digest("hex").slice(0, 8);
  return `${plain.slice(0, 54).replace(/-+$/, "")}-${hash}`;
}
