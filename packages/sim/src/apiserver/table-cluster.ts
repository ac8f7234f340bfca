// Tables for cluster objects (nodes, services, namespaces, events), after kubernetes/pkg/printers/internalversion/printers.go.
import type { KubeObject } from "../store/types";
import { since } from "./human-duration";
import { AGE, age, arr, col, formatLabels, NAME, num, o, str, type Obj, type ResourceTable } from "./table-cells";

function nodeStatus(n: KubeObject): string {
  const ready = arr(o(n.status).conditions).find((c) => c.type === "Ready");
  let s = !ready ? "Unknown" : ready.status === "True" ? "Ready" : "NotReady";
  if (o(n.spec).unschedulable === true) s += ",SchedulingDisabled";
  return s;
}

function nodeRoles(n: KubeObject): string {
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length));
  return roles.length ? roles.sort().join(",") : "<none>";
}

function servicePorts(spec: Obj): string {
  const ports = arr(spec.ports).map(
    (p) => `${num(p.port)}${p.nodePort ? `:${num(p.nodePort)}` : ""}/${str(p.protocol, "TCP")}`,
  );
  return ports.length ? ports.join(",") : "<none>";
}

function externalIP(s: KubeObject): string {
  const spec = o(s.spec);
  const ingress = arr(o(o(s.status).loadBalancer).ingress).map((i) => str(i.ip, str(i.hostname, "")));
  if (spec.type === "LoadBalancer") return ingress.length ? ingress.join(",") : "<pending>";
  const ext = Array.isArray(spec.externalIPs) ? (spec.externalIPs as string[]) : [];
  return ext.length ? ext.join(",") : "<none>";
}

function lastSeen(e: KubeObject): string {
  const last = since(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp);
  const count = num(e.count);
  return count > 1 ? `${last} (x${count} over ${since(e.firstTimestamp ?? e.metadata.creationTimestamp)})` : last;
}

export const CLUSTER_TABLES: Record<"nodes" | "services" | "namespaces" | "events", ResourceTable> = {
  nodes: {
    columns: [
      NAME,
      col("Status", "The status of the node"),
      col("Roles", "The roles of the node"),
      AGE,
      col("Version", "Kubelet Version reported by the node."),
      col("Internal-IP", "List of internal IPs for the node.", { priority: 1 }),
      col("External-IP", "List of external IPs for the node.", { priority: 1 }),
      col("OS-Image", "OS image reported by the node.", { priority: 1 }),
      col("Kernel-Version", "Kernel version reported by the node.", { priority: 1 }),
      col("Container-Runtime", "Container runtime and version reported by the node.", { priority: 1 }),
    ],
    cells: (n) => {
      const st = o(n.status);
      const info = o(st.nodeInfo);
      const addr = (t: string) => str(arr(st.addresses).find((a) => a.type === t)?.address);
      return [
        n.metadata.name,
        nodeStatus(n),
        nodeRoles(n),
        age(n),
        str(info.kubeletVersion, ""),
        addr("InternalIP"),
        addr("ExternalIP"),
        str(info.osImage, "<unknown>"),
        str(info.kernelVersion, "<unknown>"),
        str(info.containerRuntimeVersion, "<unknown>"),
      ];
    },
  },
  services: {
    columns: [
      NAME,
      col("Type", "The type of the service."),
      col("Cluster-IP", "The cluster IP of the service."),
      col("External-IP", "The external IPs of the service."),
      col("Port(s)", "The ports of the service."),
      AGE,
      col("Selector", "The label selector of the service.", { priority: 1 }),
    ],
    cells: (s) => {
      const spec = o(s.spec);
      return [
        s.metadata.name,
        str(spec.type, "ClusterIP"),
        str(spec.clusterIP),
        externalIP(s),
        servicePorts(spec),
        age(s),
        formatLabels(spec.selector),
      ];
    },
  },
  namespaces: {
    columns: [NAME, col("Status", "The status of the namespace"), AGE],
    cells: (n) => [n.metadata.name, str(o(n.status).phase, ""), age(n)],
  },
  events: {
    columns: [
      col("Last Seen", "Time when this event was last observed."),
      col("Type", "Type of this event (Normal, Warning)."),
      col("Reason", "The reason for the transition into the object's current status."),
      col("Object", "The object that this event is about."),
      col("Subobject", "The field of the object the event is about.", { priority: 1 }),
      col("Source", "The component reporting this event.", { priority: 1 }),
      col("Message", "A human-readable description of the status of this operation."),
      col("First Seen", "The time at which the event was first recorded.", { priority: 1 }),
      col("Count", "The number of times this event has occurred.", { priority: 1 }),
      col("Name", "Name of the event.", { priority: 1, format: "name" }),
    ],
    cells: (e) => {
      const inv = o(e.involvedObject);
      const src = o(e.source);
      const source =
        [str(src.component, ""), str(src.host, "")].filter((x) => x).join(", ") || str(e.reportingComponent, "");
      return [
        lastSeen(e),
        str(e.type, ""),
        str(e.reason, ""),
        `${str(inv.kind, "").toLowerCase()}/${str(inv.name, "")}`,
        str(inv.fieldPath, ""),
        source,
        str(e.message, ""),
        since(e.firstTimestamp ?? e.metadata.creationTimestamp),
        String(num(e.count) || 1),
        e.metadata.name,
      ];
    },
  },
};
