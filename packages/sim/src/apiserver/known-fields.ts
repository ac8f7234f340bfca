// The fields each built-in type has, for the decoding step of a real API server: unknown fields are dropped, with a
// warning (fieldValidation=Warn, the default) or a 400 (Strict, which kubectl sends). Status is not checked.
import type { ResourceName } from "../store/types";
import { isRecord } from "./respond";

/** A node of the schema: the known keys of an object and the schemas of the ones we descend into. */
interface Shape {
  keys: string[];
  children?: Record<string, Shape>;
  /** Children that are lists of objects of this shape. */
  items?: Record<string, Shape>;
}

const META: Shape = {
  keys: [
    "name",
    "generateName",
    "namespace",
    "selfLink",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "labels",
    "annotations",
    "ownerReferences",
    "finalizers",
    "managedFields",
  ],
};

const CONTAINER: Shape = {
  keys: [
    "name",
    "image",
    "command",
    "args",
    "workingDir",
    "ports",
    "envFrom",
    "env",
    "resources",
    "resizePolicy",
    "restartPolicy",
    "volumeMounts",
    "volumeDevices",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "lifecycle",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "imagePullPolicy",
    "securityContext",
    "stdin",
    "stdinOnce",
    "tty",
  ],
  items: {
    ports: { keys: ["name", "hostPort", "containerPort", "protocol", "hostIP"] },
    env: { keys: ["name", "value", "valueFrom"] },
  },
};

const POD_SPEC: Shape = {
  keys: [
    "volumes",
    "initContainers",
    "containers",
    "ephemeralContainers",
    "restartPolicy",
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "dnsPolicy",
    "nodeSelector",
    "serviceAccountName",
    "serviceAccount",
    "automountServiceAccountToken",
    "nodeName",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "shareProcessNamespace",
    "securityContext",
    "imagePullSecrets",
    "hostname",
    "subdomain",
    "affinity",
    "schedulerName",
    "tolerations",
    "hostAliases",
    "priorityClassName",
    "priority",
    "dnsConfig",
    "readinessGates",
    "runtimeClassName",
    "enableServiceLinks",
    "preemptionPolicy",
    "overhead",
    "topologySpreadConstraints",
    "setHostnameAsFQDN",
    "os",
    "hostUsers",
    "schedulingGates",
    "resourceClaims",
    "resources",
  ],
  items: { containers: CONTAINER, initContainers: CONTAINER },
};

const TEMPLATE: Shape = { keys: ["metadata", "spec"], children: { metadata: META, spec: POD_SPEC } };
const SELECTOR: Shape = { keys: ["matchLabels", "matchExpressions"] };
const TOP = ["apiVersion", "kind", "metadata", "spec", "status"];

const top = (spec: Shape, extra: string[] = []): Shape => ({
  keys: [...TOP, ...extra],
  children: { metadata: META, spec },
});

const SHAPES: Record<ResourceName, Shape> = {
  deployments: top({
    keys: [
      "replicas",
      "selector",
      "template",
      "strategy",
      "minReadySeconds",
      "revisionHistoryLimit",
      "paused",
      "progressDeadlineSeconds",
    ],
    children: { selector: SELECTOR, template: TEMPLATE },
  }),
  replicasets: top({
    keys: ["replicas", "minReadySeconds", "selector", "template"],
    children: { selector: SELECTOR, template: TEMPLATE },
  }),
  pods: top(POD_SPEC),
  horizontalpodautoscalers: top({ keys: ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior"] }),
  services: top({
    keys: [
      "ports",
      "selector",
      "clusterIP",
      "clusterIPs",
      "type",
      "externalIPs",
      "sessionAffinity",
      "loadBalancerIP",
      "loadBalancerSourceRanges",
      "externalName",
      "externalTrafficPolicy",
      "healthCheckNodePort",
      "publishNotReadyAddresses",
      "sessionAffinityConfig",
      "ipFamilies",
      "ipFamilyPolicy",
      "allocateLoadBalancerNodePorts",
      "loadBalancerClass",
      "internalTrafficPolicy",
      "trafficDistribution",
    ],
    items: { ports: { keys: ["name", "protocol", "appProtocol", "port", "targetPort", "nodePort"] } },
  }),
  namespaces: top({ keys: ["finalizers"] }),
  // Gateway API v1 HTTPRoute (a CRD's structural schema prunes unknown fields the same way); rules stay open.
  httproutes: top({ keys: ["parentRefs", "hostnames", "rules"] }),
  nodes: top({ keys: ["podCIDR", "podCIDRs", "providerID", "unschedulable", "taints", "configSource", "externalID"] }),
  events: {
    keys: [
      ...TOP,
      "involvedObject",
      "reason",
      "message",
      "source",
      "firstTimestamp",
      "lastTimestamp",
      "count",
      "type",
      "eventTime",
      "series",
      "action",
      "related",
      "reportingComponent",
      "reportingInstance",
    ],
    children: { metadata: META },
  },
};

/** Removes unknown fields in place and returns their paths (`spec.replicaz`, `spec.template.spec.containers[0].imagee`). */
export function dropUnknownFields(res: ResourceName, obj: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>, shape: Shape, at: string) => {
    for (const key of Object.keys(node)) {
      const path = at ? `${at}.${key}` : key;
      if (!shape.keys.includes(key)) {
        found.push(path);
        delete node[key];
        continue;
      }
      const child = node[key];
      const childShape = shape.children?.[key];
      if (childShape && isRecord(child)) walk(child, childShape, path);
      const itemShape = shape.items?.[key];
      if (itemShape && Array.isArray(child))
        child.forEach((item: unknown, i) => isRecord(item) && walk(item, itemShape, `${path}[${i}]`));
    }
  };
  walk(obj, SHAPES[res], "");
  return found;
}
