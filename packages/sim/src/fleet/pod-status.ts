// Builds a pod's status (phase, conditions, container statuses) from the kubelet's view of its containers,
// keeping the scheduler's PodScheduled condition and unchanged transition times.
import type { KubeObject } from "../store/object-store";
import { conditionsOf, kubeNow, setCondition, type Condition } from "./k8s-objects";

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | {
      terminated: {
        exitCode: number;
        reason: string;
        message?: string;
        startedAt: string;
        finishedAt: string;
        containerID?: string;
      };
    };

export interface ContainerView {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState: ContainerState | Record<string, never>;
  ready: boolean;
  started: boolean;
  restartCount: number;
}

export interface PodView {
  hostIP: string;
  podIP: string;
  startTime: string;
  /** True once any container has started: the pod is then Running (restartPolicy Always keeps it so). */
  everStarted: boolean;
  containers: ContainerView[];
}

export function buildPodStatus(pod: KubeObject, view: PodView): Record<string, unknown> {
  const notReady = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = notReady.length === 0;
  let conditions: Condition[] = conditionsOf(pod);
  const set = (c: Condition) => (conditions = setCondition(conditions, { lastProbeTime: null, ...c }));
  set({ type: "PodReadyToStartContainers", status: "True" });
  set({ type: "Initialized", status: "True" });
  const notReadyMsg = `containers with unready status: [${notReady.join(" ")}]`;
  set(
    allReady
      ? { type: "ContainersReady", status: "True" }
      : { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: notReadyMsg },
  );
  set(
    allReady
      ? { type: "Ready", status: "True" }
      : { type: "Ready", status: "False", reason: "ContainersNotReady", message: notReadyMsg },
  );
  const order = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];
  conditions.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return {
    ...pod.status,
    phase: view.everStarted ? "Running" : "Pending",
    conditions,
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    podIP: view.podIP,
    podIPs: [{ ip: view.podIP }],
    startTime: view.startTime,
    qosClass: "BestEffort",
    containerStatuses: view.containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: c.imageID,
      ...(c.containerID ? { containerID: c.containerID } : {}),
      state: c.state,
      lastState: c.lastState,
      ready: c.ready,
      started: c.started,
      restartCount: c.restartCount,
    })),
  };
}

export const runningState = (): ContainerState => ({ running: { startedAt: kubeNow() } });
export const waitingState = (reason: string, message?: string): ContainerState => ({
  waiting: message ? { reason, message } : { reason },
});
