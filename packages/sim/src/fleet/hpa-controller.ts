// The HorizontalPodAutoscaler controller of a simulated cluster: every sync period it reads each HPA's metrics
// from the cluster's request counters, computes the desired replicas as Kubernetes does (hpa-algorithm.ts),
// scales the Deployment, records SuccessfulRescale events and writes the HPA's status and conditions.
import { formatQuantity, metricSource, parseQuantity } from "../store/hpa-metrics";
import type { KubeObject, ObjectStore } from "../store/object-store";
import {
  DEFAULT_DOWNSCALE_STABILIZATION_SECONDS,
  limitByRate,
  replicasForMetric,
  stabilize,
  type LimitReason,
  type ScalingPolicy,
  type ScalingRules,
  type Timed,
} from "./hpa-algorithm";
import type { HpaMetricsSource } from "./hpa-metrics-source";
import type { EventRecorder } from "./events";
import { asNumber, asObj, asString, conditionsOf, kubeNow, setCondition, type Condition } from "./k8s-objects";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";
import type { SimClock } from "./sim-clock";

/** kube-controller-manager's --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
const SOURCE = { component: "horizontal-pod-autoscaler" };

interface HpaMemory {
  recommendations: Timed[];
  upEvents: Timed[];
  downEvents: Timed[];
  lastSyncSim: number;
  generation: number;
}

type Obj = Record<string, unknown>;

function rulesOf(behavior: Obj | undefined, dir: "scaleUp" | "scaleDown"): ScalingRules {
  const r = asObj(behavior?.[dir]) ?? {};
  const policies = (Array.isArray(r.policies) ? r.policies : []).flatMap((p: unknown) => {
    const x = asObj(p);
    const type: ScalingPolicy["type"] | undefined = x?.type === "Pods" || x?.type === "Percent" ? x.type : undefined;
    const value = asNumber(x?.value);
    const periodSeconds = asNumber(x?.periodSeconds);
    return type && value !== undefined && periodSeconds !== undefined ? [{ type, value, periodSeconds }] : [];
  });
  const select = r.selectPolicy === "Min" || r.selectPolicy === "Disabled" ? r.selectPolicy : "Max";
  const window =
    asNumber(r.stabilizationWindowSeconds) ?? (dir === "scaleDown" ? DEFAULT_DOWNSCALE_STABILIZATION_SECONDS : 0);
  return { stabilizationWindowSeconds: window, selectPolicy: select, policies };
}

const LIMIT_MESSAGES: Record<LimitReason, [Condition["status"], string]> = {
  DesiredWithinRange: ["False", "the desired count is within the acceptable range"],
  ScaleUpLimit: ["True", "the desired replica count is increasing faster than the maximum scale rate"],
  ScaleDownLimit: ["True", "the desired replica count is decreasing faster than the maximum scale rate"],
  TooManyReplicas: ["True", "the desired replica count is more than the maximum replica count"],
  TooFewReplicas: ["True", "the desired replica count is less than the minimum replica count"],
};

export class HpaController {
  private readonly memory = new Map<string, HpaMemory>();
  private readonly loop: ReconcileLoop;

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
    private readonly metrics: HpaMetricsSource,
    private readonly syncPeriodMs = HPA_SYNC_PERIOD_MS,
  ) {
    this.loop = startReconcileLoop({
      name: "hpa",
      store,
      clock,
      watch: ["horizontalpodautoscalers"],
      resyncMs: syncPeriodMs,
      reconcile: () => this.pass(),
    });
  }

  stop(): void {
    this.loop.stop();
  }

  /** Simulated milliseconds now: windows and periods are simulated durations, scaled with the fleet's clock. */
  private simNow(): number {
    return Date.now() / this.clock.timeScale;
  }

  private pass(): void {
    const now = this.simNow();
    const live = new Set<string>();
    for (const hpa of this.store.list("horizontalpodautoscalers").items) {
      const uid = hpa.metadata.uid;
      live.add(uid);
      let mem = this.memory.get(uid);
      const generation = hpa.metadata.generation ?? 1;
      // Each HPA is processed once per sync period, and at once when it is new or its spec changed.
      if (mem && mem.generation === generation && now - mem.lastSyncSim < this.syncPeriodMs * 0.95) continue;
      if (!mem)
        this.memory.set(uid, (mem = { recommendations: [], upEvents: [], downEvents: [], lastSyncSim: 0, generation }));
      mem.lastSyncSim = now;
      mem.generation = generation;
      this.sync(hpa, mem, now);
    }
    for (const uid of this.memory.keys()) if (!live.has(uid)) this.memory.delete(uid);
  }

  private sync(hpa: KubeObject, mem: HpaMemory, now: number): void {
    const spec = hpa.spec ?? {};
    const ns = hpa.metadata.namespace!;
    const ref = asObj(spec.scaleTargetRef) ?? {};
    const min = asNumber(spec.minReplicas) ?? 1;
    const max = asNumber(spec.maxReplicas) ?? min;
    let conditions = conditionsOf(hpa);
    const target = ref.kind === "Deployment" ? this.store.get("deployments", ns, asString(ref.name) ?? "") : undefined;
    if (!target) {
      const message = `the HPA controller was unable to get the target's current scale: deployments/scale.apps "${asString(ref.name) ?? ""}" not found`;
      this.events.record(hpa, SOURCE, { type: "Warning", reason: "FailedGetScale", message });
      conditions = setCondition(conditions, {
        type: "AbleToScale",
        status: "False",
        reason: "FailedGetScale",
        message,
      });
      return this.writeStatus(hpa, { ...(hpa.status ?? {}), conditions });
    }
    const deployment = target.metadata.name;
    this.metrics.sample(ns, deployment);
    const current = asNumber(target.spec?.replicas) ?? 1;
    const ready = asNumber(target.status?.readyReplicas) ?? 0;
    const currentMetrics: Obj[] = [];
    let desired = current;
    let reason = "";
    let metricOk = false;
    let metricName = "";
    let failure: { reason: string; message: string } | undefined;

    if (current === 0) {
      conditions = setCondition(conditions, {
        type: "ScalingActive",
        status: "False",
        reason: "ScalingDisabled",
        message: "scaling is disabled since the replica count of the target is zero",
      });
    } else {
      let proposal = 0;
      for (const m of Array.isArray(spec.metrics) ? spec.metrics : []) {
        const metric = asObj(m) ?? {};
        const src = metricSource(metric);
        const name = asString(asObj(src.metric)?.name) ?? asString(src.name) ?? "";
        const targetValue = parseQuantity(asObj(src.target)?.averageValue);
        if (metric.type !== "Pods" || !(targetValue > 0)) {
          failure = {
            reason: metric.type === "Resource" ? "FailedGetResourceMetric" : "FailedGetPodsMetric",
            message: `failed to get ${name} utilization: unable to get metrics for resource ${name}: no metrics returned from resource metrics API`,
          };
          currentMetrics.push({ type: metric.type });
          continue;
        }
        const reading = this.metrics.read(ns, deployment, name, ready);
        if (!reading.ok) {
          failure = reading;
          continue;
        }
        currentMetrics.push({
          type: "Pods",
          pods: { metric: { name }, current: { averageValue: formatQuantity(reading.perPod) } },
        });
        const replicas = replicasForMetric(current, ready, reading.perPod, targetValue);
        if (!metricOk || replicas > proposal) {
          proposal = replicas;
          metricName = `pods metric ${name}`;
        }
        metricOk = true;
      }
      if (metricOk) {
        const behavior = asObj(spec.behavior);
        const up = rulesOf(behavior, "scaleUp");
        const down = rulesOf(behavior, "scaleDown");
        const stabilized = stabilize({
          now,
          current,
          desired: proposal,
          history: mem.recommendations,
          upWindowMs: up.stabilizationWindowSeconds * 1000,
          downWindowMs: down.stabilizationWindowSeconds * 1000,
        });
        const limited = limitByRate({
          current,
          desired: stabilized,
          min,
          max,
          upEvents: mem.upEvents,
          downEvents: mem.downEvents,
          up,
          down,
          now,
        });
        desired = limited.replicas;
        reason = proposal > current ? `${metricName} above target` : "All metrics below target";
        const [limitStatus, limitMessage] = LIMIT_MESSAGES[limited.reason];
        conditions = setCondition(conditions, {
          type: "ScalingActive",
          status: "True",
          reason: "ValidMetricFound",
          message: `the HPA was able to successfully calculate a replica count from ${metricName}`,
        });
        conditions = setCondition(conditions, {
          type: "ScalingLimited",
          status: limitStatus,
          reason: limited.reason,
          message: limitMessage,
        });
        if (desired === current)
          conditions = setCondition(
            conditions,
            stabilized !== proposal && proposal < current
              ? {
                  type: "AbleToScale",
                  status: "True",
                  reason: "ScaleDownStabilized",
                  message:
                    "recent recommendations were higher than current one, applying the highest recent recommendation",
                }
              : {
                  type: "AbleToScale",
                  status: "True",
                  reason: "ReadyForNewScale",
                  message: "recommended size matches current size",
                },
          );
      } else {
        if (current > max) [desired, reason] = [max, "Current number of replicas above Spec.MaxReplicas"];
        else if (current < min) [desired, reason] = [min, "Current number of replicas below Spec.MinReplicas"];
        if (failure) {
          this.events.record(hpa, SOURCE, { type: "Warning", reason: failure.reason, message: failure.message });
          conditions = setCondition(conditions, {
            type: "ScalingActive",
            status: "False",
            reason: failure.reason,
            message: `the HPA was unable to compute the replica count: ${failure.message}`,
          });
        }
      }
    }

    const status: Obj = {
      ...(hpa.metadata.generation !== undefined ? { observedGeneration: hpa.metadata.generation } : {}),
      ...(hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      ...(currentMetrics.length ? { currentMetrics } : {}),
    };
    if (desired !== current) {
      this.store.mutate("deployments", ns, deployment, (d) => {
        (d.spec ??= {}).replicas = desired;
      });
      (desired > current ? mem.upEvents : mem.downEvents).push({ at: now, value: Math.abs(desired - current) });
      this.events.record(hpa, SOURCE, {
        type: "Normal",
        reason: "SuccessfulRescale",
        message: `New size: ${desired}; reason: ${reason}`,
      });
      status.lastScaleTime = kubeNow();
      conditions = setCondition(conditions, {
        type: "AbleToScale",
        status: "True",
        reason: "SucceededRescale",
        message: `the HPA controller was able to update the target scale to ${desired}`,
      });
    }
    const keep = now - 3_600_000;
    mem.upEvents = mem.upEvents.filter((e) => e.at > keep);
    mem.downEvents = mem.downEvents.filter((e) => e.at > keep);
    status.conditions = ["AbleToScale", "ScalingActive", "ScalingLimited"]
      .map((t) => conditions.find((c) => c.type === t))
      .filter((c): c is Condition => c !== undefined);
    this.writeStatus(hpa, status);
  }

  private writeStatus(hpa: KubeObject, status: Obj): void {
    this.store.mutate(
      "horizontalpodautoscalers",
      hpa.metadata.namespace,
      hpa.metadata.name,
      (h) => {
        h.status = status;
      },
      { subresource: "status" },
    );
  }
}
