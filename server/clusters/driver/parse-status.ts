// Reads a Kubernetes Status out of an ApiException body, which the 2.x client hands over as a raw string.
export interface ApiStatus {
  code?: number;
  reason?: string;
  message?: string;
  details?: { name?: string; kind?: string; group?: string };
  causes: { field?: string; message: string; reason?: string }[];
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function decode(body: unknown): Record<string, unknown> | undefined {
  if (typeof body === "string") {
    try {
      return asRecord(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  if (Buffer.isBuffer(body)) return decode(body.toString("utf8"));
  return asRecord(body);
}

/** The Status in a response body, or undefined when the body is not one (HTML from a proxy, empty, …). */
export function parseStatus(body: unknown): ApiStatus | undefined {
  const rec = decode(body);
  if (!rec || (rec.kind !== "Status" && rec.reason === undefined && rec.code === undefined)) return undefined;
  const details = asRecord(rec.details);
  const causes = Array.isArray(details?.causes) ? details.causes : [];
  const name = asString(details?.name);
  const kind = asString(details?.kind);
  const group = asString(details?.group);
  const reason = asString(rec.reason);
  const message = asString(rec.message);
  return {
    ...(typeof rec.code === "number" ? { code: rec.code } : {}),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    ...(details
      ? { details: { ...(name ? { name } : {}), ...(kind ? { kind } : {}), ...(group ? { group } : {}) } }
      : {}),
    causes: causes.flatMap((c) => {
      const cause = asRecord(c);
      const msg = asString(cause?.message);
      if (!cause || !msg) return [];
      const field = asString(cause.field);
      const why = asString(cause.reason);
      return [{ message: msg, ...(field ? { field } : {}), ...(why ? { reason: why } : {}) }];
    }),
  };
}
