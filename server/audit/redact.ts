// Removes secrets from anything that is about to be written to the audit log or a log line.
const SECRET_KEY = /(token|password|secret|kubeconfig|credential|privatekey|clientkey|keydata|authorization|cookie)/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[truncated]";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
    }
    return out;
  }
  if (typeof value === "string" && value.length > 500) return `${value.slice(0, 500)}…`;
  if (typeof value === "bigint") return value.toString();
  return value;
}
