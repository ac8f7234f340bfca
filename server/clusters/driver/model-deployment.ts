// Apply (server-side), scale, delete and read one model deployment: a Deployment, a Service and its
// HorizontalPodAutoscaler, in a namespace.
import { PatchStrategy } from "@kubernetes/client-node";
import { FIELD_MANAGER, type KubeClients } from "./kube-client";
import { DriverError } from "./driver-error";
import { autoscalerManifest } from "./autoscaler";
import { deploymentManifest, namespaceManifest, serviceManifest } from "./manifests";
import { toDeploymentInfo } from "./summarize";
import type { AppliedDeployment, DeleteResult, DeploymentInfo, ModelDeploymentSpec, Propagation } from "./types";

/** force: Tern owns these objects; a field another manager took (e.g. replicas by kubectl) is taken back. */
const SSA = { fieldManager: FIELD_MANAGER, force: true } as const;

/** Creates the namespace only when it is missing, so Tern never claims fields of a namespace someone else manages. */
export async function ensureNamespace(k: KubeClients, namespace: string): Promise<boolean> {
  try {
    await k.call({ verb: "get", resource: "namespace", name: namespace }, () =>
      k.core.readNamespace({ name: namespace }, k.options()),
    );
    return false;
  } catch (err) {
    // A namespace-scoped service account may not read namespaces; the Deployment apply says if it is really missing.
    if (err instanceof DriverError && err.kind === "forbidden") return false;
    if (!(err instanceof DriverError) || err.kind !== "not_found") throw err;
  }
  await k.call({ verb: "create", resource: "namespace", name: namespace }, () =>
    k.core.patchNamespace(
      { name: namespace, body: namespaceManifest(namespace), ...SSA },
      k.options(PatchStrategy.ServerSideApply),
    ),
  );
  return true;
}

export async function applyModelDeployment(k: KubeClients, spec: ModelDeploymentSpec): Promise<AppliedDeployment> {
  const { namespace, name } = spec;
  const createdNamespace = await ensureNamespace(k, namespace);
  const ssa = k.options(PatchStrategy.ServerSideApply);
  const deployment = await k.call({ verb: "patch", resource: "deployment", name, namespace }, () =>
    k.apps.patchNamespacedDeployment({ name, namespace, body: deploymentManifest(spec), ...SSA }, ssa),
  );
  await k.call({ verb: "patch", resource: "service", name, namespace }, () =>
    k.core.patchNamespacedService({ name, namespace, body: serviceManifest(spec), ...SSA }, ssa),
  );
  if (spec.autoscale)
    await k.call({ verb: "patch", resource: "horizontalpodautoscaler", name, namespace }, () =>
      k.autoscaling.patchNamespacedHorizontalPodAutoscaler(
        { name, namespace, body: autoscalerManifest(spec), ...SSA },
        ssa,
      ),
    );
  return {
    namespace,
    name,
    uid: deployment.metadata?.uid ?? "",
    generation: deployment.metadata?.generation ?? 0,
    serviceName: name,
    createdNamespace,
  };
}

/** Through the /scale subresource, so only replicas change and RBAC can grant scaling alone. */
export async function scaleDeployment(
  k: KubeClients,
  namespace: string,
  name: string,
  replicas: number,
): Promise<{ replicas: number }> {
  const scale = await k.call({ verb: "patch", resource: "deployment", name, namespace }, () =>
    k.apps.patchNamespacedDeploymentScale(
      { name, namespace, body: { spec: { replicas } } },
      k.options(PatchStrategy.MergePatch),
    ),
  );
  return { replicas: scale.spec?.replicas ?? replicas };
}

/** Idempotent: a missing object counts as deleted, so a retried migration step does not fail. */
export async function deleteModelDeployment(
  k: KubeClients,
  namespace: string,
  name: string,
  propagation: Propagation = "Foreground",
): Promise<DeleteResult> {
  const absentIfMissing = async (run: () => Promise<unknown>): Promise<"deleted" | "absent"> => {
    try {
      await run();
      return "deleted";
    } catch (err) {
      if (err instanceof DriverError && err.kind === "not_found") return "absent";
      throw err;
    }
  };
  // The autoscaler first, so it does not scale a Deployment that is going away.
  const autoscaler = await absentIfMissing(() =>
    k.call({ verb: "delete", resource: "horizontalpodautoscaler", name, namespace }, () =>
      k.autoscaling.deleteNamespacedHorizontalPodAutoscaler({ name, namespace }, k.options()),
    ),
  );
  const deployment = await absentIfMissing(() =>
    k.call({ verb: "delete", resource: "deployment", name, namespace }, () =>
      k.apps.deleteNamespacedDeployment({ name, namespace, propagationPolicy: propagation }, k.options()),
    ),
  );
  const service = await absentIfMissing(() =>
    k.call({ verb: "delete", resource: "service", name, namespace }, () =>
      k.core.deleteNamespacedService({ name, namespace, propagationPolicy: propagation }, k.options()),
    ),
  );
  return { deployment, service, autoscaler };
}

export async function getDeploymentStatus(k: KubeClients, namespace: string, name: string): Promise<DeploymentInfo> {
  const d = await k.call({ verb: "get", resource: "deployment", name, namespace }, () =>
    k.apps.readNamespacedDeployment({ name, namespace }, k.options()),
  );
  return toDeploymentInfo(d);
}
