// Concurrent copies of one artifact (same target store, bucket, key and sha256) in this process run once: the
// others wait for it and then find the verified object at the target (skipped: true), as a retry would.
import { parseArtifactUri } from "./artifact-uri";
import type { ArtifactTransfer, TransferRequest } from "./artifact-transfer";

/** What makes two copies the same side effect: the object they create at the target. */
export function copyIdentity(req: TransferRequest): string | null {
  let key = req.target.key;
  if (key === undefined) {
    try {
      key = parseArtifactUri(req.source.uri).key;
    } catch {
      return null; // the transfer itself reports the bad URI
    }
  }
  return JSON.stringify([req.target.store.endpoint, req.target.store.bucket, key, req.sha256.trim().toLowerCase()]);
}

function untilAborted(signal: AbortSignal | undefined): Promise<never> | undefined {
  if (!signal) return undefined;
  return new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error("the copy was cancelled"));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

export function singleFlightTransfer(inner: ArtifactTransfer): ArtifactTransfer {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    async copy(req) {
      const id = copyIdentity(req);
      if (id === null) return inner.copy(req);
      // Wait for every copy of this object ahead of us; whatever its outcome, ours then runs (and skips if verified).
      for (let ahead = inFlight.get(id); ahead; ahead = inFlight.get(id)) {
        const settled = ahead.then(
          () => undefined,
          () => undefined,
        );
        const abort = untilAborted(req.signal);
        await (abort ? Promise.race([settled, abort]) : settled);
      }
      const run = inner.copy(req);
      inFlight.set(id, run);
      try {
        return await run;
      } finally {
        if (inFlight.get(id) === run) inFlight.delete(id);
      }
    },
  };
}
