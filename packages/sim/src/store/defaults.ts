// Defaults a real API server fills on create (SetDefaults_* in kubernetes/pkg/apis), so objects read back alike.
import type { KubeObject, ResourceName } from "./types";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined;

function setIfMissing(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined) o[key] = value;
}

function defaultImagePullPolicy(image: unknown): string {
  if (typeof image !== "string") return "IfNotPresent";
  const last = image.split("/").pop() ?? "";
  if (image.includes("@")) return "IfNotPresent";
  return !last.includes(":") || last.endsWith(":latest") ? "Always" : "IfNotPresent";
}

export function defaultPodSpec(spec: Obj): void {
  setIfMissing(spec, "restartPolicy", "Always");
  setIfMissing(spec, "terminationGracePeriodSeconds", 30);
  setIfMissing(spec, "dnsPolicy", "ClusterFirst");
  setIfMissing(spec, "schedulerName", "default-scheduler");
  setIfMissing(spec, "securityContext", {});
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) {
    const container = obj(c);
    if (!container) continue;
    setIfMissing(container, "imagePullPolicy", defaultImagePullPolicy(container.image));
    setIfMissing(container, "terminationMessagePath", "/dev/termination-log");
    setIfMissing(container, "terminationMessagePolicy", "File");
    setIfMissing(container, "resources", {});
    for (const p of Array.isArray(container.ports) ? container.ports : []) {
      const port = obj(p);
      if (port) setIfMissing(port, "protocol", "TCP");
    }
  }
}

function defaultWorkload(o: KubeObject, deployment: boolean): void {
  const spec = (o.spec ??= {});
  setIfMissing(spec, "replicas", 1);
  if (deployment) {
    setIfMissing(spec, "strategy", {
      type: "RollingUpdate",
      rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" },
    });
    setIfMissing(spec, "revisionHistoryLimit", 10);
    setIfMissing(spec, "progressDeadlineSeconds", 600);
  }
  const podSpec = obj(obj(spec.template)?.spec);
  if (podSpec) defaultPodSpec(podSpec);
}

/** Fills defaults in place. `nextClusterIP` hands out service IPs from the store's counter. */
export function applyDefaults(res: ResourceName, o: KubeObject, nextClusterIP: () => string): void {
  switch (res) {
    case "deployments":
      defaultWorkload(o, true);
      return;
    case "replicasets":
      defaultWorkload(o, false);
      return;
    case "pods":
      defaultPodSpec((o.spec ??= {}));
      o.status ??= {};
      setIfMissing(o.status, "phase", "Pending");
      return;
    case "namespaces":
      o.spec ??= {};
      setIfMissing(o.spec, "finalizers", ["kubernetes"]);
      o.status ??= {};
      setIfMissing(o.status, "phase", "Active");
      return;
    case "services": {
      const spec = (o.spec ??= {});
      setIfMissing(spec, "type", "ClusterIP");
      setIfMissing(spec, "sessionAffinity", "None");
      if (spec.clusterIP === undefined) {
        const ip = nextClusterIP();
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
      for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
        const port = obj(p);
        if (!port) continue;
        setIfMissing(port, "protocol", "TCP");
        setIfMissing(port, "targetPort", port.port);
      }
      o.status ??= { loadBalancer: {} };
      return;
    }
    case "horizontalpodautoscalers":
      defaultHpa(o);
      return;
    default:
      return;
  }
}

/** autoscaling/v2 SetDefaults: minReplicas 1, CPU at 80 % when no metric is given, and the default behavior rules. */
function defaultHpa(o: KubeObject): void {
  const spec = (o.spec ??= {});
  setIfMissing(spec, "minReplicas", 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0)
    spec.metrics = [
      { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } },
    ];
  const behavior = (obj(spec.behavior) ?? (spec.behavior = {})) as Record<string, unknown>;
  const up = (obj(behavior.scaleUp) ?? (behavior.scaleUp = {})) as Record<string, unknown>;
  setIfMissing(up, "stabilizationWindowSeconds", 0);
  setIfMissing(up, "selectPolicy", "Max");
  setIfMissing(up, "policies", [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ]);
  const down = (obj(behavior.scaleDown) ?? (behavior.scaleDown = {})) as Record<string, unknown>;
  setIfMissing(down, "selectPolicy", "Max");
  setIfMissing(down, "policies", [{ type: "Percent", value: 100, periodSeconds: 15 }]);
}
