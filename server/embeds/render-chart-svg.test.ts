import { describe, expect, it } from "vitest";
import { renderChartSvg, type ChartSvgInput } from "./render-chart-svg";

/**
 * A small well-formedness check (no DOM in Node): every tag is balanced, attributes are quoted, and text
 * holds no raw '<' or stray '&'. Returns the element names in document order.
 */
function checkXml(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${pos}: ${xml.slice(pos, pos + 60)}`);
    pos = token.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`unescaped & in text: ${text}`);
      continue;
    }
    if (attrs && /&(?!(amp|lt|gt|quot|apos);)/.test(attrs)) throw new Error(`unescaped & in attributes of <${name}>`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
    } else {
      names.push(name!);
      if (!selfClose) stack.push(name!);
    }
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(", ")}`);
  return names;
}

const now = Date.UTC(2026, 10, 3, 12, 0, 0);
const from = now - 6 * 3_600_000;
const wave = (n: number, scale: number, phase = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => [from + (i * (now - from)) / (n - 1), scale * (1.2 + Math.sin(i / 40 + phase))]);
const base: ChartSvgInput = {
  title: "p95 latency",
  unit: "ms",
  series: [
    { name: "aws-use1-gpu", points: wave(1500, 40) },
    { name: "gcp-euw4-gpu", points: wave(1500, 60, 1) },
    { name: "ack-hangzhou", points: wave(1500, 120, 2) },
  ],
  width: 800,
  height: 300,
  theme: "light",
  sloLine: 150,
  from,
  to: now,
  now,
};

describe("renderChartSvg", () => {
  it("is well-formed, accessible SVG with a path per series, axes, legend and the SLO line", () => {
    const svg = renderChartSvg(base);
    const names = checkXml(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="300"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="chart-title chart-desc"');
    expect(names.filter((n) => n === "path")).toHaveLength(3);
    expect(svg).toContain("<title>aws-use1-gpu</title>");
    expect(svg).toMatch(
      /<desc id="chart-desc">Line chart of p95 latency \(ms\) from 3 Nov 2026, 06:00 to 3 Nov 2026, 12:00 \(UTC\)\. aws-use1-gpu: latest [0-9.]+, min [0-9.]+, max [0-9.]+\./,
    );
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain(">SLO 150 ms</text>");
    for (const hour of ["07:00", "08:00", "09:00", "10:00", "11:00"]) expect(svg).toContain(`>${hour}</text>`);
    expect(svg).toContain(">ack-hangzhou</text>");
    expect(svg).not.toMatch(/<script|href=|url\((?!#chart-plot)/);
  });

  it("escapes every piece of text, and ignores colours that are not colours", () => {
    const svg = renderChartSvg({
      ...base,
      title: '<script>alert("x")</script> & co\u0001',
      unit: "ms'",
      series: [{ name: "a</title><script>", points: wave(10, 1), color: '"/><script>' }],
      message: "<b>",
      idPrefix: 'x"><script>',
    });
    checkXml(svg);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("\u0001");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(svg).toContain('stroke="#0072B2"');
    expect(svg).toContain('id="xscript-title"');
  });

  it("shows a 'no data' state with the reason, never an empty zero line", () => {
    const svg = renderChartSvg({
      ...base,
      series: [{ name: "aws-use1-gpu", points: [] }],
      sloLine: undefined,
      message: "Prometheus for aws-use1-gpu is unreachable",
      theme: "dark",
    });
    checkXml(svg);
    expect(svg).toContain(">No data for this period</text>");
    expect(svg).toContain(">Prometheus for aws-use1-gpu is unreachable</text>");
    expect(svg).toContain("No data: Prometheus for aws-use1-gpu is unreachable.");
    expect(svg).not.toContain("<path");
    expect(svg).toContain('fill="#111827"');
  });

  it("refuses times that are not times", () => {
    expect(() => renderChartSvg({ ...base, from: NaN })).toThrow(/epoch milliseconds/);
  });

  it("breaks lines at gaps and NaN instead of drawing through them", () => {
    const step = 15_000;
    const points: [number, number][] = [
      [from, 1],
      [from + step, 2],
      [from + 2 * step, NaN],
      [from + 3 * step, 3],
      [from + 4 * step, 4],
      [from + 40 * step, 5],
    ];
    const svg = renderChartSvg({ ...base, series: [{ name: "s", points }], sloLine: undefined });
    const d = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/L/g)).toHaveLength(2);
  });

  it("renders 3 × 1,500 points in under 5 ms", () => {
    for (let i = 0; i < 20; i++) renderChartSvg(base); // warm up the JIT
    const runs = 50;
    const t = performance.now();
    for (let i = 0; i < runs; i++) renderChartSvg(base);
    const ms = (performance.now() - t) / runs;
    console.log(`[timings] renderChartSvg 3 × 1500 points: ${ms.toFixed(2)} ms`);
    expect(ms).toBeLessThan(5);
  });

  it("labels days on long ranges and honours the viewer's time zone", () => {
    const week = renderChartSvg({
      ...base,
      from: now - 7 * 86_400_000,
      series: [{ name: "s", points: wave(100, 1).map(([t, v]) => [now - 7 * 86_400_000 + (t - from) * 28, v]) }],
    });
    expect(week).toMatch(/>(\d{1,2}) Nov<\/text>/);
    const shanghai = renderChartSvg({ ...base, timeZone: "Asia/Shanghai" });
    expect(shanghai).toContain(">15:00</text>");
    expect(shanghai).toContain("(Asia/Shanghai)");
    expect(renderChartSvg({ ...base, timeZone: "Mars/Olympus" })).toContain("(UTC)");
  });
});
