// Which clusters this replica's status sync should hold: a fair share (clusters ÷ live replicas, rounded up),
// taking free leases, shedding extras so a replica that joins gets work, and when to look again.
import type { LeaseRow } from "../services/leases/lease";

export interface SyncSharePlan {
  /** Held by this replica and kept (renew them). */
  keep: string[];
  /** Free (never taken, released or expired): take them. */
  take: string[];
  /** Held beyond the fair share: release them for another replica. */
  shed: string[];
  /** When the next lease another replica holds expires (ms since epoch): the time to look again. */
  nextExpiry: number | null;
}

export function planSyncShare(opts: {
  clusterIds: string[];
  /** The `sync:<clusterId>` leases. */
  leases: LeaseRow[];
  liveReplicas: number;
  holder: string;
  now: number;
}): SyncSharePlan {
  const byCluster = new Map(opts.leases.map((l) => [l.name.slice("sync:".length), l]));
  const ids = [...opts.clusterIds].sort();
  const fair = Math.ceil(ids.length / Math.max(1, opts.liveReplicas));
  const live = (l: LeaseRow | undefined) => Boolean(l && l.holder && l.expiresAt.getTime() > opts.now);
  const mine = ids.filter((id) => live(byCluster.get(id)) && byCluster.get(id)!.holder === opts.holder);
  const keep = mine.slice(0, fair);
  const shed = mine.slice(fair);
  const free = ids.filter((id) => !live(byCluster.get(id)));
  const take = free.slice(0, Math.max(0, fair - keep.length));
  const foreign = ids
    .map((id) => byCluster.get(id))
    .filter((l): l is LeaseRow => live(l) && l!.holder !== opts.holder)
    .map((l) => l.expiresAt.getTime());
  // Another replica's lease expiring may mean it died (its presence expires with it): look again then.
  return { keep, take, shed, nextExpiry: foreign.length ? Math.min(...foreign) : null };
}
