// A strict parser for the Prometheus text format, so tests (and tools) can check what /metrics really says.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedMetrics {
  samples: Sample[];
  types: Map<string, string>;
  help: Map<string, string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(raw: string, line: string): number {
  if (raw === "+Inf") return Infinity;
  if (raw === "-Inf") return -Infinity;
  if (raw === "NaN") return NaN;
  const v = Number(raw);
  if (raw === "" || Number.isNaN(v)) throw new Error(`bad sample value ${JSON.stringify(raw)} in line: ${line}`);
  return v;
}

function parseLabels(s: string, line: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 1; // past "{"
  for (;;) {
    while (s[i] === " " || s[i] === ",") i++;
    if (s[i] === "}") return { labels, rest: s.slice(i + 1) };
    const name = LABEL_NAME.exec(s.slice(i))?.[0];
    if (!name || s[i + name.length] !== "=" || s[i + name.length + 1] !== '"')
      throw new Error(`bad label set in line: ${line}`);
    i += name.length + 2;
    let value = "";
    for (; i < s.length && s[i] !== '"'; i++) {
      if (s[i] === "\\") {
        const next = s[++i];
        value += next === "n" ? "\n" : (next ?? "");
      } else value += s[i];
    }
    if (s[i] !== '"') throw new Error(`unterminated label value in line: ${line}`);
    labels[name] = value;
    i++;
  }
}

export function parsePrometheusText(text: string): ParsedMetrics {
  const result: ParsedMetrics = { samples: [], types: new Map(), help: new Map() };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const m = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$/.exec(line);
      if (m?.[1] === "TYPE") result.types.set(m[2]!, m[3]!);
      if (m?.[1] === "HELP") result.help.set(m[2]!, m[3]!);
      continue;
    }
    const name = NAME.exec(line)?.[0];
    if (!name) throw new Error(`bad metric name in line: ${line}`);
    let rest = line.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith("{")) ({ labels, rest } = parseLabels(rest, line));
    const parts = rest.trim().split(/\s+/);
    if (parts.length < 1 || parts.length > 2) throw new Error(`bad sample in line: ${line}`);
    result.samples.push({ name, labels, value: parseValue(parts[0]!, line) });
  }
  return result;
}

/** Samples of one metric whose labels include every given label. */
export function findSamples(parsed: ParsedMetrics, name: string, labels: Record<string, string> = {}): Sample[] {
  return parsed.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}
