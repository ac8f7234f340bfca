// Tables for workloads (deployments, replica sets, pods), after kubernetes/pkg/printers/internalversion/printers.go.
import type { KubeObject } from "../store/types";
import {
  AGE,
  age,
  arr,
  col,
  containers,
  formatSelector,
  NAME,
  num,
  o,
  str,
  type Cell,
  type Obj,
  type ResourceTable,
} from "./table-cells";

function podStatus(p: KubeObject): string {
  const status = o(p.status);
  let reason = str(status.reason, str(status.phase, "Unknown"));
  for (const cs of arr(status.containerStatuses)) {
    const state = o(cs.state);
    const waiting = o(state.waiting);
    const terminated = o(state.terminated);
    if (typeof waiting.reason === "string" && waiting.reason) reason = waiting.reason;
    else if (typeof terminated.reason === "string" && terminated.reason) reason = terminated.reason;
    else if (state.terminated) reason = `ExitCode:${num(terminated.exitCode)}`;
  }
  if (p.metadata.deletionTimestamp) reason = status.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

function workloadWide(spec: Obj): Cell[] {
  const cs = containers(o(spec.template).spec);
  return [
    cs.map((c) => str(c.name, "")).join(","),
    cs.map((c) => str(c.image, "")).join(","),
    formatSelector(spec.selector),
  ];
}

const WORKLOAD_WIDE = [
  col("Containers", "Names of each container in the template.", { priority: 1 }),
  col("Images", "Images referenced by each container in the template.", { priority: 1 }),
  col("Selector", "Label selector for pods.", { priority: 1 }),
];

export const WORKLOAD_TABLES: Record<"deployments" | "replicasets" | "pods", ResourceTable> = {
  deployments: {
    columns: [
      NAME,
      col("Ready", "Number of the pod with ready state"),
      col(
        "Up-to-date",
        "Total number of non-terminated pods targeted by this deployment that have the desired template spec.",
        { type: "integer" },
      ),
      col(
        "Available",
        "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.",
        { type: "integer" },
      ),
      AGE,
      ...WORKLOAD_WIDE,
    ],
    cells: (d) => {
      const st = o(d.status);
      return [
        d.metadata.name,
        `${num(st.readyReplicas)}/${num(o(d.spec).replicas)}`,
        num(st.updatedReplicas),
        num(st.availableReplicas),
        age(d),
        ...workloadWide(o(d.spec)),
      ];
    },
  },
  replicasets: {
    columns: [
      NAME,
      col("Desired", "Replicas is the number of desired replicas.", { type: "integer" }),
      col("Current", "Replicas is the most recently observed number of replicas.", { type: "integer" }),
      col("Ready", "The number of ready replicas for this replica set.", { type: "integer" }),
      AGE,
      ...WORKLOAD_WIDE,
    ],
    cells: (r) => [
      r.metadata.name,
      num(o(r.spec).replicas),
      num(o(r.status).replicas),
      num(o(r.status).readyReplicas),
      age(r),
      ...workloadWide(o(r.spec)),
    ],
  },
  pods: {
    columns: [
      NAME,
      col("Ready", "The aggregate readiness state of this pod for accepting traffic."),
      col("Status", "The aggregate status of the containers in this pod."),
      col("Restarts", "The number of times the containers in this pod have been restarted.", { type: "integer" }),
      AGE,
      col("IP", "IP address allocated to the pod.", { priority: 1 }),
      col("Node", "Name of the node this pod is running on.", { priority: 1 }),
      col("Nominated Node", "Name of the node this pod is nominated to run on.", { priority: 1 }),
      col("Readiness Gates", "Readiness gates of this pod.", { priority: 1 }),
    ],
    cells: (p) => {
      const st = o(p.status);
      const statuses = arr(st.containerStatuses);
      const ready = statuses.filter((c) => c.ready === true).length;
      const restarts = statuses.reduce((n, c) => n + num(c.restartCount), 0);
      return [
        p.metadata.name,
        `${ready}/${containers(p.spec).length}`,
        podStatus(p),
        restarts,
        age(p),
        str(st.podIP),
        str(o(p.spec).nodeName),
        str(st.nominatedNodeName),
        "<none>",
      ];
    },
  },
};
