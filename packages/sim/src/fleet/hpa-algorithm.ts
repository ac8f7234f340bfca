// The replica arithmetic of Kubernetes' HPA controller (pkg/controller/podautoscaler: replica_calculator.go and
// normalizeDesiredReplicasWithBehaviors in horizontal.go), as pure functions of the metric, the spec and history.

/** The controller's --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** The controller's --horizontal-pod-autoscaler-downscale-stabilization, used when an HPA sets no window. */
export const DEFAULT_DOWNSCALE_STABILIZATION_SECONDS = 300;

export interface ScalingPolicy {
  type: "Pods" | "Percent";
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: "Max" | "Min" | "Disabled";
  policies: ScalingPolicy[];
}

/** A past recommendation or replica change, at a time in simulated milliseconds. */
export interface Timed {
  at: number;
  value: number;
}

/**
 * desired = ceil(ready × current / target), unless the ratio is within the tolerance (then no change). The
 * average is over ready pods, as the controller ignores pods that are not ready yet.
 */
export function replicasForMetric(currentReplicas: number, readyPods: number, usage: number, target: number): number {
  const ratio = usage / target;
  if (Math.abs(1 - ratio) <= TOLERANCE) return currentReplicas;
  return Math.ceil(ratio * readyPods);
}

/**
 * Stabilisation: scale up no higher than the lowest recommendation of the scale-up window, and down no lower than
 * the highest of the scale-down window. Returns the stabilised value; `history` gets the new raw recommendation.
 */
export function stabilize(opts: {
  now: number;
  current: number;
  desired: number;
  history: Timed[];
  upWindowMs: number;
  downWindowMs: number;
}): number {
  let up = opts.desired;
  let down = opts.desired;
  for (const r of opts.history) {
    if (r.at > opts.now - opts.upWindowMs) up = Math.min(up, r.value);
    if (r.at > opts.now - opts.downWindowMs) down = Math.max(down, r.value);
  }
  opts.history.push({ at: opts.now, value: opts.desired });
  const keep = Math.max(opts.upWindowMs, opts.downWindowMs);
  while (opts.history.length > 0 && opts.history[0]!.at <= opts.now - keep) opts.history.shift();
  let recommendation = opts.current;
  if (recommendation < up) recommendation = up;
  if (recommendation > down) recommendation = down;
  return recommendation;
}

const changedWithin = (events: Timed[], now: number, periodSeconds: number) =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.value, 0);

/** calculateScaleUpLimitWithScalingRules: the most replicas the policies allow now, given recent scale-ups. */
export function scaleUpLimit(current: number, events: Timed[], rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === "Disabled") return current;
  const proposals = rules.policies.map((p) => {
    const start = current - changedWithin(events, now, p.periodSeconds);
    return p.type === "Pods" ? start + p.value : Math.ceil(start * (1 + p.value / 100));
  });
  if (proposals.length === 0) return current;
  return rules.selectPolicy === "Min" ? Math.min(...proposals) : Math.max(...proposals);
}

/** calculateScaleDownLimitWithBehaviors: the fewest replicas the policies allow now, given recent scale-downs. */
export function scaleDownLimit(current: number, events: Timed[], rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === "Disabled") return current;
  const proposals = rules.policies.map((p) => {
    const start = current + changedWithin(events, now, p.periodSeconds);
    return p.type === "Pods" ? start - p.value : Math.floor(start * (1 - p.value / 100));
  });
  if (proposals.length === 0) return current;
  return rules.selectPolicy === "Min" ? Math.max(...proposals) : Math.min(...proposals);
}

export type LimitReason =
  "DesiredWithinRange" | "ScaleUpLimit" | "ScaleDownLimit" | "TooManyReplicas" | "TooFewReplicas";

/** convertDesiredReplicasWithBehaviorRate: clamps to the rate policies, then to min/max. */
export function limitByRate(opts: {
  current: number;
  desired: number;
  min: number;
  max: number;
  upEvents: Timed[];
  downEvents: Timed[];
  up: ScalingRules;
  down: ScalingRules;
  now: number;
}): { replicas: number; reason: LimitReason } {
  const { current, desired, min, max } = opts;
  if (desired > current) {
    const limit = Math.max(current, scaleUpLimit(current, opts.upEvents, opts.up, opts.now));
    const ceiling = Math.min(limit, max);
    if (desired > ceiling) return { replicas: ceiling, reason: ceiling === max ? "TooManyReplicas" : "ScaleUpLimit" };
  } else if (desired < current) {
    const limit = Math.min(current, scaleDownLimit(current, opts.downEvents, opts.down, opts.now));
    const floor = Math.max(limit, min);
    if (desired < floor) return { replicas: floor, reason: floor === min ? "TooFewReplicas" : "ScaleDownLimit" };
  }
  if (desired > max) return { replicas: max, reason: "TooManyReplicas" };
  if (desired < min) return { replicas: min, reason: "TooFewReplicas" };
  return { replicas: desired, reason: "DesiredWithinRange" };
}
