// Server-rendered line charts as self-contained, accessible SVG for wiki embeds (<img> or iframe): no
// scripts, no external fonts or styles, every piece of text escaped.
import { formatInstant, formatTick, formatValue, niceTicks, safeTimeZone, timeTicks } from "./chart-scale";
import { escapeXml as x, truncate } from "./xml";

export interface ChartSeries {
  name: string;
  points: [tMs: number, value: number][];
  /** #rgb or #rrggbb; anything else falls back to the palette. */
  color?: string;
}

export interface ChartSvgInput {
  title: string;
  unit: string;
  series: ChartSeries[];
  width: number;
  height: number;
  theme: "light" | "dark";
  /** A target drawn as a dashed line, in the chart's unit (e.g. the p95 latency SLO). */
  sloLine?: number;
  from: number;
  to: number;
  now: number;
  /** IANA time zone for tick labels; UTC by default. */
  timeZone?: string;
  /** Shown in the "no data" state, e.g. "Prometheus for aws-use1-gpu is unreachable". */
  message?: string;
  /** Prefix for element ids, unique per page when several charts are inlined. */
  idPrefix?: string;
}

const THEMES = {
  light: { bg: "#ffffff", text: "#1f2937", muted: "#6b7280", grid: "#e5e7eb", axis: "#9ca3af", slo: "#dc2626" },
  dark: { bg: "#111827", text: "#f3f4f6", muted: "#9ca3af", grid: "#374151", axis: "#6b7280", slo: "#f87171" },
} as const;
/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, on light and dark. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const f1 = (v: number) => (Math.round(v * 10) / 10).toString();
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const colorOf = (c: string | undefined, i: number) =>
  c && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(c) ? c : PALETTE[i % PALETTE.length]!;

interface Prepared {
  name: string;
  color: string;
  points: [number, number][];
  /** Over finite values in range; count 0 means no data. */
  count: number;
  min: number;
  max: number;
  last: number;
}

/** One pass per series: keeps points in range and collects min/max/last of the finite values. */
function prepare(input: ChartSvgInput, from: number, to: number): Prepared[] {
  return input.series.map((s, i) => {
    const points: [number, number][] = [];
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    let last = NaN;
    for (const p of s.points) {
      const t = p[0];
      if (t < from || t > to) continue;
      points.push(p);
      const v = p[1];
      if (!Number.isFinite(v)) continue;
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
      last = v;
    }
    return { name: s.name, color: colorOf(s.color, i), points, count, min, max, last };
  });
}

/**
 * Path data in tenths of a pixel as integers (drawn inside a scale(.1) group): integer-to-string is ~10×
 * faster than float formatting, which is most of the cost for long series. A gap (non-finite value, or
 * more than 3 typical intervals without a point) starts a new subpath; "h0" with round caps shows a lone point.
 */
function pathOf(points: [number, number][], x0: number, kx: number, y0: number, ky: number): string {
  const n = points.length;
  // Mean spacing: a real gap is many intervals long, so a few gaps barely move the threshold.
  const maxGap = n > 1 ? (3 * (points[n - 1]![0] - points[0]![0])) / (n - 1) : Infinity;
  let d = "";
  let pen = false;
  let lastT = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const t = p[0];
    const v = p[1];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const px = Math.round((x0 + t * kx) * 10);
    const py = Math.round((y0 + v * ky) * 10);
    d += pen && t - lastT <= maxGap ? "L" + px + " " + py : "M" + px + " " + py + "h0";
    pen = true;
    lastT = t;
  }
  return d;
}

export function renderChartSvg(input: ChartSvgInput): string {
  if (![input.from, input.to, input.now].every(Number.isFinite))
    throw new RangeError("chart from, to and now must be epoch milliseconds");
  const width = Math.round(clamp(Number(input.width) || 600, 200, 2000));
  const height = Math.round(clamp(Number(input.height) || 300, 120, 1200));
  const th = THEMES[input.theme === "dark" ? "dark" : "light"];
  const tz = safeTimeZone(input.timeZone);
  const id = (input.idPrefix ?? "chart").replace(/[^A-Za-z0-9_-]/g, "") || "chart";
  const from = input.from;
  const to = input.to > input.from ? input.to : input.from + 1;
  const series = prepare(input, from, to);
  const hasData = series.some((s) => s.count > 0);
  const slo = input.sloLine !== undefined && Number.isFinite(input.sloLine) ? input.sloLine : undefined;
  // Values start at 0 (a latency chart that starts at 40 ms exaggerates every wobble) and include the SLO.
  let lo = Math.min(0, slo ?? 0);
  let hi = Math.max(0, slo ?? 0);
  for (const s of series) {
    if (s.count === 0) continue;
    lo = Math.min(lo, s.min);
    hi = Math.max(hi, s.max);
  }
  const y = niceTicks(lo, hi * 1.05 || 1, Math.max(2, Math.floor(height / 45)));
  const yLabels = y.ticks.map((v) => formatTick(v, y.step));
  const legendRows = series.length > 0 ? 1 : 0;
  const m = {
    top: 30,
    right: 14,
    bottom: 24 + legendRows * 18,
    left: 12 + 6.5 * Math.max(...yLabels.map((l) => l.length), 1),
  };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const sx = (t: number) => m.left + ((t - from) / (to - from)) * pw;
  const sy = (v: number) => m.top + ph - ((v - y.lo) / (y.hi - y.lo)) * ph;

  const out: string[] = [];
  const unit = input.unit ? ` (${input.unit})` : "";
  const summary = series.map((s) =>
    s.count === 0
      ? `${s.name}: no data.`
      : `${s.name}: latest ${formatValue(s.last)}, min ${formatValue(s.min)}, max ${formatValue(s.max)}.`,
  );
  const desc = [
    `Line chart of ${input.title}${unit} from ${formatInstant(from, tz)} to ${formatInstant(to, tz)} (${tz}).`,
    ...(hasData ? summary : [`No data${input.message ? `: ${input.message}` : ""}.`]),
    ...(slo !== undefined ? [`SLO ${formatValue(slo)}${input.unit ? ` ${input.unit}` : ""}.`] : []),
  ].join(" ");
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}" font-size="11">`,
    `<title id="${id}-title">${x(input.title)}</title>`,
    `<desc id="${id}-desc">${x(desc)}</desc>`,
    `<defs><clipPath id="${id}-plot"><rect x="${f1(m.left)}" y="${m.top - 2}" width="${f1(pw)}" height="${f1(ph + 4)}"/></clipPath></defs>`,
    `<rect width="100%" height="100%" fill="${th.bg}"/>`,
    `<text x="${f1(m.left)}" y="18" fill="${th.text}" font-size="13" font-weight="600">${x(truncate(input.title + unit, Math.floor(width / 7.5)))}</text>`,
  );
  // Value grid and labels.
  out.push(`<g aria-hidden="true">`);
  y.ticks.forEach((v, i) => {
    const py = f1(sy(v));
    out.push(
      `<line x1="${f1(m.left)}" x2="${f1(m.left + pw)}" y1="${py}" y2="${py}" stroke="${th.grid}" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${f1(m.left - 6)}" y="${py}" dy="0.32em" text-anchor="end" fill="${th.muted}">${x(yLabels[i]!)}</text>`,
    );
  });
  // Time axis.
  const xt = timeTicks(from, to, Math.max(2, Math.floor(pw / 90)), tz);
  out.push(
    `<line x1="${f1(m.left)}" x2="${f1(m.left + pw)}" y1="${f1(m.top + ph)}" y2="${f1(m.top + ph)}" stroke="${th.axis}" stroke-width="1"/>`,
  );
  for (const t of xt.ticks) {
    const px = f1(sx(t));
    out.push(`<line x1="${px}" x2="${px}" y1="${f1(m.top + ph)}" y2="${f1(m.top + ph + 4)}" stroke="${th.axis}"/>`);
    out.push(
      `<text x="${px}" y="${f1(m.top + ph + 16)}" text-anchor="middle" fill="${th.muted}">${x(xt.label(t))}</text>`,
    );
  }
  if (input.now > from && input.now < to) {
    const px = f1(sx(input.now));
    out.push(
      `<line x1="${px}" x2="${px}" y1="${m.top}" y2="${f1(m.top + ph)}" stroke="${th.axis}" stroke-dasharray="2 3"/>`,
    );
  }
  out.push(`</g>`);

  if (hasData) {
    out.push(
      `<g clip-path="url(#${id}-plot)"><g transform="scale(0.1)" fill="none" stroke-width="17.5" stroke-linejoin="round" stroke-linecap="round">`,
    );
    for (const s of series) {
      // sx/sy as linear coefficients: x = x0 + t·kx, y = y0 + v·ky.
      const kx = pw / (to - from);
      const ky = -ph / (y.hi - y.lo);
      const d = pathOf(s.points, m.left - from * kx, kx, m.top + ph - y.lo * ky, ky);
      if (d) out.push(`<path d="${d}" stroke="${s.color}"><title>${x(s.name)}</title></path>`);
    }
    out.push(`</g></g>`);
  } else {
    const cx = f1(m.left + pw / 2);
    const cy = m.top + ph / 2;
    out.push(
      `<text x="${cx}" y="${f1(cy)}" text-anchor="middle" fill="${th.muted}" font-size="13">No data for this period</text>`,
    );
    if (input.message)
      out.push(
        `<text x="${cx}" y="${f1(cy + 18)}" text-anchor="middle" fill="${th.muted}">${x(truncate(input.message, Math.floor(pw / 6.5)))}</text>`,
      );
  }
  if (slo !== undefined) {
    const py = f1(sy(slo));
    out.push(
      `<line x1="${f1(m.left)}" x2="${f1(m.left + pw)}" y1="${py}" y2="${py}" stroke="${th.slo}" stroke-width="1.25" stroke-dasharray="6 4"/>`,
    );
    out.push(
      `<text x="${f1(m.left + pw - 2)}" y="${f1(sy(slo) - 4)}" text-anchor="end" fill="${th.slo}">${x(`SLO ${formatValue(slo)}${input.unit ? ` ${input.unit}` : ""}`)}</text>`,
    );
  }
  // Legend: one row; names shortened to share the width.
  if (legendRows) {
    const slot = pw / series.length;
    const chars = Math.max(4, Math.floor((slot - 22) / 6.5));
    out.push(`<g>`);
    series.forEach((s, i) => {
      const lx = m.left + i * slot;
      const ly = height - 8;
      out.push(
        `<line x1="${f1(lx)}" x2="${f1(lx + 14)}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.5" stroke-linecap="round"/>`,
      );
      out.push(`<text x="${f1(lx + 19)}" y="${ly}" fill="${th.text}">${x(truncate(s.name, chars))}</text>`);
    });
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join("");
}
