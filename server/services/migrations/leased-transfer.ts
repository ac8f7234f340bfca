// Copies of one artifact across Tern's processes and replicas run once: each copy holds a database lease named
// after the object it creates; others wait for the lease and then find the verified object (skipped: true).
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PrismaClient } from "../../generated/prisma/client";
import { ArtifactTransferError, type ArtifactTransfer } from "../../migrations/artifacts/artifact-transfer";
import { copyIdentity } from "../../migrations/artifacts/single-flight-transfer";
import { withLease } from "../leases/lease";

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export function leasedTransfer(opts: {
  prisma: PrismaClient;
  inner: ArtifactTransfer;
  /** How long a crashed holder blocks others (renewed every third of it while the copy runs). */
  ttlMs?: number;
  pollMs?: number;
  holder?: string;
}): ArtifactTransfer {
  const ttlMs = opts.ttlMs ?? 30_000;
  const pollMs = opts.pollMs ?? 250;
  const holderBase = opts.holder ?? `${hostname()}:${process.pid}`;
  return {
    async copy(req) {
      const id = copyIdentity(req);
      if (id === null) return opts.inner.copy(req);
      const name = `artifact-copy:${createHash("sha256").update(id).digest("hex").slice(0, 40)}`;
      // One holder per call: two calls in one process must not share (and so re-enter) the lease.
      const holder = `${holderBase}:${randomUUID()}`;
      for (;;) {
        if (req.signal?.aborted)
          throw new ArtifactTransferError("Aborted", "the copy was cancelled while another copy of it was running");
        const r = await withLease({ prisma: opts.prisma, name, holder, ttlMs }, (_lease, lost) =>
          opts.inner.copy({ ...req, signal: req.signal ? AbortSignal.any([req.signal, lost]) : lost }),
        );
        if (r.ran) return r.value;
        await sleep(pollMs, req.signal);
      }
    },
  };
}
