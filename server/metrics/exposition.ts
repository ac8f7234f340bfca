// Prometheus text / OpenMetrics sample lines: label values escaped (backslash, double quote, newline) and
// numbers spelled as Prometheus reads them.
export type Labels = Record<string, string>;

export const escapeLabelValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

/** Label names are fixed by Tern's code; a bad one is a programming error, so it throws. */
export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => {
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(k)) throw new Error(`invalid label name ${JSON.stringify(k)}`);
    return `${k}="${escapeLabelValue(v)}"`;
  });
  return parts.length ? `{${parts.join(",")}}` : "";
}

export const formatValue = (v: number) =>
  v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : Number.isNaN(v) ? "NaN" : String(v);

/** HELP text escapes only backslash and newline. */
export const escapeHelp = (h: string) => h.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
