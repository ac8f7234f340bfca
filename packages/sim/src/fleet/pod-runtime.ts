// One pod's life on a simulated node, as kubelet + containerd + the model server would live it:
// sandbox → image pull (or ErrImagePull/ImagePullBackOff) → container start → model load from the pod's own
// cloud's store → readiness; a failed load exits the container into CrashLoopBackOff with growing back-off.
import type { LoadedModel } from "../models/model-runtime";
import type { KubeObject } from "../store/object-store";
import { isStoreError } from "../store/object-store";
import type { RecordedEvent } from "./events";
import { pullImage } from "./image-pull";
import { asNumber, containersOf, kubeNow, type ContainerSpec } from "./k8s-objects";
import { nextBackoff, type KubeletContext, type NodeFacts } from "./kubelet-context";
import { modelSourceOf, ModelStartError, startModel } from "./model-loader";
import { buildPodStatus, runningState, waitingState, type ContainerView, type PodView } from "./pod-status";
import { podHandler } from "./serving";
import { ServingLog, SUMMARY_EVERY_MS } from "./serving-log";
import { goDuration } from "./sim-clock";

export class PodRuntime {
  readonly uid: string;
  private readonly namespace: string;
  private readonly name: string;
  private readonly main: ContainerSpec;
  private readonly view: PodView;
  private readonly cancels = new Set<() => void>();
  private stopped = false;
  private crashBackoff = 0;
  private pullBackoff = 0;
  private model: LoadedModel | undefined;
  private readonly log: ServingLog;
  /** Bumped on every container start and crash, so a load still in flight for a dead container is dropped. */
  private attempt = 0;

  constructor(
    private readonly ctx: KubeletContext,
    pod: KubeObject,
    private readonly node: NodeFacts,
    podIP: string,
    private readonly deployment: string | undefined,
  ) {
    this.uid = pod.metadata.uid;
    this.namespace = pod.metadata.namespace ?? "default";
    this.name = pod.metadata.name;
    const containers = containersOf(pod.spec);
    this.main = containers[0]!;
    this.log = new ServingLog(ctx.logs, this.uid, this.main.name);
    this.view = {
      hostIP: node.hostIP,
      podIP,
      startTime: kubeNow(),
      everStarted: false,
      containers: containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: "",
        state: waitingState("ContainerCreating"),
        lastState: {},
        ready: false,
        started: false,
        restartCount: 0,
      })),
    };
    this.writeStatus();
    this.after(500, () => this.pull());
  }

  get ready(): boolean {
    return this.view.containers.every((c) => c.ready);
  }

  /** The crash-loop fault: a running model server dies now. */
  crashIfFaulted(): void {
    if (this.ctx.isCrashLooping(this.namespace, this.deployment) && "running" in this.mainView().state)
      this.crash("fault injected: the model server process crashed (crash-loop fault on this deployment)");
  }

  stop(reason: "deleted" | "node-lost"): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const c of this.cancels) c();
    this.ctx.serving.remove(this.uid);
    if (reason === "deleted" && this.view.everStarted) {
      this.event({ type: "Normal", reason: "Killing", message: `Stopping container ${this.main.name}` });
      if ("running" in this.mainView().state) this.log.stopping();
    }
    for (const c of this.view.containers) this.ctx.logs.exit(this.uid, c.name);
    // The kubelet removes a gone pod's logs once the pod is cleaned up; until then they stay readable.
    this.ctx.clock.after(30_000, () => this.ctx.logs.forget(this.uid));
    this.ctx.events.forget(this.uid);
  }

  private mainView(): ContainerView {
    return this.view.containers[0]!;
  }

  private after(simMs: number, fn: () => void): void {
    const cancel = this.ctx.clock.after(simMs, () => {
      this.cancels.delete(cancel);
      if (!this.stopped) fn();
    });
    this.cancels.add(cancel);
  }

  private event(e: RecordedEvent): void {
    // A stand-in for the pod as events reference it: uid and name are what matter.
    const meta = {
      name: this.name,
      namespace: this.namespace,
      uid: this.uid,
      resourceVersion: "",
      creationTimestamp: "",
    };
    const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: meta };
    this.ctx.events.record(pod, { component: "kubelet", host: this.node.name }, e);
  }

  private writeStatus(): void {
    if (this.stopped) return;
    try {
      this.ctx.store.mutate("pods", this.namespace, this.name, (p) => (p.status = buildPodStatus(p, this.view)), {
        subresource: "status",
      });
    } catch (e) {
      if (!isStoreError(e)) throw e; // the pod was deleted meanwhile; the kubelet loop stops us next
    }
  }

  private pull(): void {
    pullImage({
      image: this.main.image,
      node: this.node,
      runtimes: this.ctx.runtimes,
      backoff: this.pullBackoff,
      event: (e) => this.event(e),
      after: (ms, fn) => this.after(ms, fn),
      waiting: (reason, message, backoff) => {
        this.pullBackoff = backoff;
        this.mainView().state = waitingState(reason, message);
        this.writeStatus();
      },
      pulled: (imageID) => {
        this.pullBackoff = 0;
        for (const c of this.view.containers) c.imageID = imageID;
        this.create();
      },
      retry: () => this.pull(),
    });
  }

  private create(): void {
    this.after(300, () => {
      const c = this.mainView();
      c.containerID = `containerd://${this.uid.replaceAll("-", "")}${String(c.restartCount).padStart(4, "0")}`;
      this.event({ type: "Normal", reason: "Created", message: `Created container: ${this.main.name}` });
      this.event({ type: "Normal", reason: "Started", message: `Started container ${this.main.name}` });
      this.view.everStarted = true;
      for (const v of this.view.containers) this.ctx.logs.start(this.uid, v.name);
      const pod = this.ctx.store.get("pods", this.namespace, this.name);
      this.log.started({
        image: this.main.image,
        node: this.node.name,
        gpuType: this.node.gpuType,
        src: modelSourceOf(this.main, pod?.metadata.labels ?? {}),
      });
      for (const v of this.view.containers) {
        v.state = runningState();
        v.started = true;
        // Side containers have no model to load: they are ready once running.
        if (v !== c) v.ready = true;
      }
      this.writeStatus();
      void this.loadModel(++this.attempt);
    });
  }

  private async loadModel(attempt: number): Promise<void> {
    const stale = () => this.stopped || attempt !== this.attempt;
    const pod = this.ctx.store.get("pods", this.namespace, this.name);
    const src = modelSourceOf(this.main, pod?.metadata.labels ?? {});
    const t0 = Date.now();
    try {
      const model = src.uri
        ? await startModel(this.ctx.artifacts, this.ctx.cloudId, src, (ms) => this.ctx.clock.sleep(ms))
        : undefined;
      if (stale()) return;
      this.model = model;
      if (model) this.log.loaded(model, Math.round((Date.now() - t0) / (this.ctx.clock.timeScale || 1)));
      if (this.ctx.isCrashLooping(this.namespace, this.deployment))
        throw new ModelStartError(
          "fault injected: the model server process crashed (crash-loop fault on this deployment)",
        );
      const probe = this.main.readinessProbe;
      const delayS = (asNumber(probe?.initialDelaySeconds) ?? 0) + Math.min(asNumber(probe?.periodSeconds) ?? 1, 1);
      this.after(delayS * 1000, () => {
        if (!stale()) this.becomeReady();
      });
    } catch (e) {
      if (stale()) return;
      this.crash(
        e instanceof ModelStartError ? e.message : `model server failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private becomeReady(): void {
    this.mainView().ready = true;
    this.crashBackoff = 0;
    this.writeStatus();
    this.log.ready();
    this.summarize(this.attempt);
    this.ctx.serving.add({
      uid: this.uid,
      namespace: this.namespace,
      pod: this.name,
      deployment: this.deployment,
      labels: this.ctx.store.get("pods", this.namespace, this.name)?.metadata.labels ?? {},
      node: this.node.name,
      gpuType: this.node.gpuType,
      podIP: this.view.podIP,
      model: this.model,
      handle: podHandler({
        model: this.model,
        latency: this.ctx.latency,
        gpuType: this.node.gpuType,
        namespace: this.namespace,
        deployment: this.deployment,
        isReady: () => this.ready,
        serverName: this.name,
        faults: () => this.ctx.servingFaults?.(this.namespace, this.deployment),
        onInference: (code, ms) => this.log.request(code, ms),
      }),
    });
  }

  /** The request summary every few seconds while this container instance serves. */
  private summarize(attempt: number): void {
    this.after(SUMMARY_EVERY_MS, () => {
      if (attempt !== this.attempt) return;
      this.log.summary(SUMMARY_EVERY_MS);
      this.summarize(attempt);
    });
  }

  private crash(message: string): void {
    this.attempt++;
    this.log.crashed(message);
    this.ctx.logs.exit(this.uid, this.main.name);
    const c = this.mainView();
    const startedAt = "running" in c.state ? c.state.running.startedAt : kubeNow();
    this.ctx.serving.remove(this.uid);
    this.model = undefined;
    const terminated = {
      terminated: {
        exitCode: 1,
        reason: "Error",
        message,
        startedAt,
        finishedAt: kubeNow(),
        ...(c.containerID ? { containerID: c.containerID } : {}),
      },
    };
    c.state = terminated;
    c.lastState = terminated;
    c.ready = false;
    c.started = false;
    this.writeStatus();
    this.crashBackoff = nextBackoff(this.crashBackoff);
    const backoff = this.crashBackoff;
    this.after(1_000, () => {
      const podDesc = `${this.name}_${this.namespace}(${this.uid})`;
      c.restartCount += 1;
      c.state = waitingState(
        "CrashLoopBackOff",
        `back-off ${goDuration(backoff)} restarting failed container=${this.main.name} pod=${podDesc}`,
      );
      this.writeStatus();
      this.event({
        type: "Warning",
        reason: "BackOff",
        message: `Back-off restarting failed container ${this.main.name} in pod ${podDesc}: ${message}`,
      });
      this.after(backoff, () => this.pull());
    });
  }
}
