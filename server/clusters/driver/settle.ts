// Turns a driver call into data ({ ok, value } or { ok: false, error }) for fan-out over many clusters.
import { toDriverError, type DriverErrorData } from "./driver-error";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: DriverErrorData };

/** One dead cluster must not fail a whole page: callers collect per-cluster results and errors side by side. */
export async function settle<T>(apiServer: string, run: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, error: toDriverError(err, { apiServer }).toJSON() };
  }
}
