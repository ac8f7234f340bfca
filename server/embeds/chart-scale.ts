// Axis ticks for server-rendered charts: "nice" value steps (1, 2, 5 × 10^n) and time steps aligned to the
// clock in the viewer's time zone.
export function niceTicks(
  lo: number,
  hi: number,
  count: number,
): { ticks: number[]; step: number; lo: number; hi: number } {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { ticks, step, lo: start, hi: end };
}

/** Tick labels with as many decimals as the step needs; thousands shortened (12k, 1.5M). */
export function formatTick(v: number, step: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(step >= 1e6 ? 0 : 1)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toFixed(step >= 1e3 ? 0 : 1)}k`;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** A value for the description: three significant digits, no exponent for ordinary magnitudes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return a >= 100 ? v.toFixed(0) : String(+v.toPrecision(3));
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, kind: "time" | "day" | "full" | "parts"): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : kind === "day"
          ? { month: "short", day: "numeric" }
          : kind === "parts"
            ? {
                year: "numeric",
                month: "numeric",
                day: "numeric",
                hour: "numeric",
                minute: "numeric",
                hourCycle: "h23",
              }
            : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    f = new Intl.DateTimeFormat("en-GB", { ...opts, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant t, in ms (so ticks land on local round times). */
function zoneOffset(t: number, timeZone: string): number {
  const parts = formatter(timeZone, "parts").formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return local - Math.floor(t / MIN) * MIN;
}

export function timeTicks(
  from: number,
  to: number,
  maxTicks: number,
  timeZone: string,
): { ticks: number[]; label: (t: number) => string } {
  const span = to - from;
  const step = TIME_STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const offset = zoneOffset(from, timeZone);
  const ticks: number[] = [];
  for (let t = Math.ceil((from + offset) / step) * step - offset; t <= to; t += step) ticks.push(t);
  const kind = step >= DAY ? "day" : "time";
  return { ticks, label: (t) => formatter(timeZone, kind).format(new Date(t)) };
}

export function formatInstant(t: number, timeZone: string): string {
  return formatter(timeZone, "full").format(new Date(t));
}

/** Validates an IANA zone name; unknown names fall back to UTC rather than failing the image. */
export function safeTimeZone(tz: string | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}
