// Coalesces bursts of watch changes into at most one callback per deployment per window, skipping unchanged ones.
import { gpuCapacity, type EventInfo } from "../driver";
import { buildSnapshot, specKey } from "./build-snapshot";
import { keyOf, type ClusterState, type Touched } from "./cluster-state";
import type { ClusterSyncOptions } from "./types";

export const DEFAULT_COALESCE_MS = 100;
/**
 * Events waiting for the next flush. A cluster that floods events while the database is slow must not grow this
 * without end: past the cap the oldest are dropped (the newest say the most, and each deployment keeps its last).
 */
export const MAX_PENDING_EVENTS = 1_000;

export class SyncEmitter {
  private readonly dirty = new Set<string>();
  /** Deployments that disappeared, by key: one entry each however often they come and go before a flush. */
  private gone = new Map<string, Touched["gone"][number]>();
  private events: EventInfo[] = [];
  private capacityDirty = false;
  /** Last reported JSON per deployment and for capacity: a re-list after an outage reports only real changes. */
  private readonly reported = new Map<string, string>();
  private reportedCapacity = "";
  /** specKey at which each deployment was last Ready, for the Degraded rule. */
  private readonly readyAt = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly state: ClusterState,
    private readonly opts: ClusterSyncOptions,
    private readonly call: <T>(cb: ((v: T) => void | Promise<void>) | undefined, value: T) => Promise<void>,
  ) {}

  note(t: Touched): void {
    if (this.stopped) return;
    for (const key of t.deployments) this.dirty.add(key);
    for (const d of t.gone) this.gone.set(keyOf(d.namespace, d.name), d);
    this.events.push(...t.newEvents);
    if (this.events.length > MAX_PENDING_EVENTS) this.events.splice(0, this.events.length - MAX_PENDING_EVENTS);
    this.capacityDirty ||= t.capacity;
    this.schedule();
  }

  private schedule(): void {
    // One timer per window, armed only while something is pending: an idle cluster costs no CPU.
    if (this.timer || this.running || this.stopped) return;
    if (this.dirty.size === 0 && this.gone.size === 0 && this.events.length === 0 && !this.capacityDirty) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Callbacks run one flush at a time, so a slow database write never sees an older snapshot land after a newer one.
      this.running = this.flush().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, this.opts.coalesceMs ?? DEFAULT_COALESCE_MS);
  }

  private async flush(): Promise<void> {
    const { clusterId } = this.opts;
    const keys = [...this.dirty];
    const gone = [...this.gone.values()];
    const events = this.events;
    const capacity = this.capacityDirty;
    this.dirty.clear();
    this.gone = new Map();
    this.events = [];
    this.capacityDirty = false;

    for (const d of gone) {
      const key = keyOf(d.namespace, d.name);
      this.reported.delete(key);
      this.readyAt.delete(key);
      await this.call(this.opts.onDeploymentGone, {
        clusterId,
        namespace: d.namespace,
        name: d.name,
        ...(d.deploymentId ? { deploymentId: d.deploymentId } : {}),
      });
    }
    for (const key of keys) {
      const d = this.state.deployments.get(key);
      if (!d || this.stopped) continue;
      const snapshot = buildSnapshot(
        clusterId,
        d,
        this.state.podsOf(d),
        this.state.lastEventOf(d),
        this.readyAt.get(key) === specKey(d),
        this.state.autoscalers.get(key),
      );
      if (snapshot.phase === "Ready") this.readyAt.set(key, specKey(d));
      const json = JSON.stringify(snapshot);
      if (this.reported.get(key) === json) continue;
      this.reported.set(key, json);
      await this.call(this.opts.onSnapshot, snapshot);
    }
    for (const e of events) {
      for (const d of this.state.deployments.values()) {
        if (!this.state.concerns(d, e)) continue;
        await this.call(this.opts.onEvent, {
          clusterId,
          namespace: d.namespace,
          name: d.name,
          ...(d.deploymentId ? { deploymentId: d.deploymentId } : {}),
          reason: e.reason,
          message: e.message,
          type: e.type,
          at: e.at,
          count: e.count,
          involvedObject: e.involvedObject,
        });
      }
    }
    if (capacity) {
      const nodes = [...this.state.nodes.values()]
        .map(({ resourceVersion: _rv, ...n }) => n)
        .sort((a, b) => a.name.localeCompare(b.name));
      const byType = gpuCapacity(this.state.nodes.values(), this.state.allPods());
      // Sorted keys: the same capacity always serialises the same, whatever order nodes were listed in.
      const report = {
        clusterId,
        gpuCapacity: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b))),
        nodes,
      };
      const json = JSON.stringify(report);
      if (json !== this.reportedCapacity) {
        this.reportedCapacity = json;
        await this.call(this.opts.onCapacity, report);
      }
    }
  }

  /** How much is waiting for the next flush (for tests of the bounds). */
  pending(): { deployments: number; gone: number; events: number } {
    return { deployments: this.dirty.size, gone: this.gone.size, events: this.events.length };
  }

  /** Stops the timer and waits for a flush in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
