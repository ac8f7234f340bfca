// Time ranges and steps for range queries: bounded, aligned to the step, and sized to the chart so a series
// stays under ~1,500 points (Prometheus itself refuses more than 11,000).
import { AppError } from "../errors";
import { formatSeconds } from "./promql-params";

export const MAX_RANGE_SECONDS = 30 * 86_400;
export const TARGET_MAX_POINTS = 1_500;
export const PROMETHEUS_MAX_POINTS = 11_000;
/** Tern scrapes every 5 s; a finer step only repeats samples. */
export const DEFAULT_MIN_STEP_SECONDS = 5;
/** Clocks differ a little between Tern and Prometheus; a little future is fine, a day is a mistake. */
const MAX_FUTURE_SECONDS = 300;

/** Steps people read easily; also keeps neighbouring charts on the same grid. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

export interface RangeInput {
  /** Range start and end, epoch milliseconds. */
  startMs: number;
  endMs: number;
  /** Chart plot width in pixels: more points than pixels cannot be seen. */
  widthPx?: number;
  /** An explicit step in seconds; otherwise one is chosen. */
  stepSeconds?: number;
  nowMs: number;
  minStepSeconds?: number;
}

export interface ResolvedRange {
  startMs: number;
  endMs: number;
  stepSeconds: number;
  points: number;
}

const bad = (message: string, field?: string) => new AppError("BAD_REQUEST", message, field);

/** The smallest nice step giving at most min(widthPx, 1,500) points over the range. */
export function chooseStep(
  rangeSeconds: number,
  widthPx = TARGET_MAX_POINTS,
  minStepSeconds = DEFAULT_MIN_STEP_SECONDS,
): number {
  const maxPoints = Math.max(2, Math.min(TARGET_MAX_POINTS, Math.floor(widthPx)));
  // points = floor(range / step) + 1 ≤ maxPoints  ⇔  step ≥ range / (maxPoints − 1)
  const needed = Math.max(minStepSeconds, rangeSeconds / (maxPoints - 1));
  const nice = NICE_STEPS.find((s) => s >= needed);
  return nice ?? Math.ceil(needed / 86_400) * 86_400;
}

/** Validates a chart range, picks or checks the step, and aligns start/end to the step. */
export function resolveRange(input: RangeInput): ResolvedRange {
  const { startMs, endMs, nowMs } = input;
  if (![startMs, endMs, nowMs].every(Number.isFinite)) throw bad("range start and end must be valid times", "range");
  if (endMs <= startMs) throw bad("range end must be after its start", "range");
  const rangeSeconds = (endMs - startMs) / 1000;
  if (rangeSeconds > MAX_RANGE_SECONDS)
    throw bad(`range must be at most 30 days (got ${formatDays(rangeSeconds)}); pick a shorter period`, "range");
  if (endMs > nowMs + MAX_FUTURE_SECONDS * 1000)
    throw bad("range end is in the future; charts end at the current time", "range");
  if (input.widthPx !== undefined && !(input.widthPx >= 50 && input.widthPx <= 10_000))
    throw bad("chart width must be between 50 and 10,000 pixels", "width");

  let step = input.stepSeconds;
  if (step === undefined) step = chooseStep(rangeSeconds, input.widthPx, input.minStepSeconds);
  else {
    if (!Number.isFinite(step) || step < 1) throw bad("step must be at least 1 second", "step");
    if (step > rangeSeconds)
      throw bad(
        `step (${formatSeconds(step)}) must not be longer than the range (${formatSeconds(Math.round(rangeSeconds))})`,
        "step",
      );
    const n = Math.floor(rangeSeconds / step) + 1;
    if (n > PROMETHEUS_MAX_POINTS)
      throw bad(
        `step ${formatSeconds(step)} gives ${n} points over this range; Prometheus allows at most ${PROMETHEUS_MAX_POINTS}; use a step of at least ${formatSeconds(Math.ceil(rangeSeconds / (PROMETHEUS_MAX_POINTS - 1)))}`,
        "step",
      );
  }
  // Aligning to the step keeps points on the same timestamps between refreshes, so charts do not shimmer.
  const stepMs = step * 1000;
  const alignedStart = Math.floor(startMs / stepMs) * stepMs;
  const alignedEnd = Math.max(alignedStart, Math.floor(endMs / stepMs) * stepMs);
  return {
    startMs: alignedStart,
    endMs: alignedEnd,
    stepSeconds: step,
    points: Math.floor((alignedEnd - alignedStart) / stepMs) + 1,
  };
}

/**
 * The rate() window for a step: at least 4 scrapes (so one missed scrape does not blank a point) and at
 * least one step (so no request falls between two points) — what Grafana calls $__rate_interval.
 */
export function rateWindowFor(stepSeconds: number, scrapeIntervalSeconds = DEFAULT_MIN_STEP_SECONDS): string {
  return formatSeconds(Math.max(4 * scrapeIntervalSeconds, Math.ceil(stepSeconds)));
}

function formatDays(seconds: number): string {
  return `${(seconds / 86_400).toFixed(1)} days`;
}
