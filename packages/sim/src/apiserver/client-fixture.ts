// Shared setup for the @kubernetes/client-node conformance suites: one cluster and the typed clients per file.
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type V1Deployment,
} from "@kubernetes/client-node";
import { deploymentManifest, startTestCluster, type TestCluster } from "./test-cluster";

export interface ClientCluster {
  cluster: TestCluster;
  kc: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  objects: KubernetesObjectApi;
}

export async function startClientCluster(opts?: Parameters<typeof startTestCluster>[0]): Promise<ClientCluster> {
  const cluster = await startTestCluster(opts);
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  return {
    cluster,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

/** Runs a call expected to fail and returns the HTTP code and parsed Status body. */
export async function failure(p: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    // The generated client drops the body of a 401 (it throws ApiException("Unauthorized", undefined)).
    if (e instanceof ApiException) {
      return { code: e.code, body: typeof e.body === "string" ? (JSON.parse(e.body) as Record<string, unknown>) : {} };
    }
    throw e;
  }
  throw new Error("expected the call to fail");
}

export const deploy = (name: string, opts?: Parameters<typeof deploymentManifest>[1]) =>
  deploymentManifest(name, opts) as V1Deployment;
