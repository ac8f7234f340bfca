// The real kubectl binary against a test cluster's API server, for the conformance tests; they skip without it.
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import type { TestCluster } from "../apiserver/test-cluster";

export const hasKubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kubectl <args>` with the cluster's admin kubeconfig (the read-only one with `readOnly`), in `namespace`
 * when given. Async on purpose: the API server lives in this process, so a synchronous spawn would deadlock it.
 */
export function runKubectl(
  cluster: TestCluster,
  args: string[],
  o: { readOnly?: boolean; namespace?: string } = {},
): Promise<KubectlRun> {
  const kubeconfig = o.readOnly ? cluster.readOnlyKubeconfigPath : cluster.kubeconfigPath;
  const namespace = o.namespace ? ["-n", o.namespace] : [];
  return new Promise((resolve) => {
    execFile(
      "kubectl",
      ["--kubeconfig", kubeconfig, "--cache-dir", path.join(cluster.dir, "cache"), ...namespace, ...args],
      { timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
