// Checks that Tern can reach and use a cluster: version, permission to create deployments, nodes and GPU capacity.
import type { V1Deployment } from "@kubernetes/client-node";
import { DriverError, type DriverErrorData } from "./driver-error";
import { gpuCapacity } from "./gpu-capacity";
import type { KubeClients } from "./kube-client";
import { listKind, listNodes } from "./list-resources";
import type { ConnectionErrorKind, TestConnectionResult } from "./types";

const CONNECTION_KINDS: readonly string[] = ["unreachable", "unauthorized", "forbidden", "timeout", "tls"];

function narrow(err: DriverErrorData): { kind: ConnectionErrorKind; message: string } {
  return {
    kind: CONNECTION_KINDS.includes(err.kind) ? (err.kind as ConnectionErrorKind) : "unknown",
    message: err.message,
  };
}

/**
 * Deliberately invalid (replicas -1) and dry-run: a server that authorises the request answers 422 (or 404 for a
 * missing namespace) and a server that does not answers 403 — and even one that ignored dryRun could not store it.
 */
const PROBE: V1Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "tern-access-check" },
  spec: {
    replicas: -1,
    selector: { matchLabels: { "tern.dev/access-check": "true" } },
    template: {
      metadata: { labels: { "tern.dev/access-check": "true" } },
      spec: { containers: [{ name: "probe", image: "tern.invalid/probe" }] },
    },
  },
};

/**
 * SelfSubjectAccessReview answers exactly "may I create deployments (in every namespace)?". Servers without the
 * authorization API (404/405) get the dry-run probe above instead, judged only by whether it was refused with 403.
 */
async function canCreateDeployments(k: KubeClients): Promise<boolean> {
  try {
    const review = await k.call({ verb: "create", resource: "selfsubjectaccessreview" }, () =>
      k.authz.createSelfSubjectAccessReview(
        { body: { spec: { resourceAttributes: { verb: "create", group: "apps", resource: "deployments" } } } },
        k.options(),
      ),
    );
    return review.status?.allowed === true;
  } catch (err) {
    // 404: the authorization API is not served; 405 is how some proxies and the simulator refuse an unknown path.
    if (!(err instanceof DriverError) || (err.status !== 404 && err.status !== 405)) throw err;
  }
  try {
    await k.call({ verb: "create", resource: "deployment", namespace: "default" }, () =>
      k.apps.createNamespacedDeployment({ namespace: "default", body: PROBE, dryRun: "All" }, k.options()),
    );
    return true;
  } catch (err) {
    if (err instanceof DriverError && err.status !== undefined) return err.status !== 403;
    throw err;
  }
}

export async function testConnection(k: KubeClients): Promise<TestConnectionResult> {
  try {
    const info = await k.call({ verb: "get", resource: "version" }, () => k.version.getCode({}, k.options()));
    const [canCreate, nodes, pods] = await Promise.all([canCreateDeployments(k), listNodes(k), listKind(k, "pods")]);
    return {
      ok: true,
      version: info.gitVersion,
      canCreateDeployments: canCreate,
      gpuCapacity: gpuCapacity(nodes, pods.items),
      nodes,
    };
  } catch (err) {
    if (err instanceof DriverError) return { ok: false, error: narrow(err) };
    return {
      ok: false,
      error: { kind: "unknown", message: `the check of cluster API at ${k.apiServer} failed unexpectedly` },
    };
  }
}
