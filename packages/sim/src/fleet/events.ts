// Records core/v1 Events as controllers and kubelets do, folding repeats into one object with a count
// (the client-go event correlator's behaviour), so `kubectl describe` and `get events` read like a real cluster.
import { randomBytes } from "node:crypto";
import type { KubeObject, ObjectStore } from "../store/object-store";
import { isStoreError } from "../store/object-store";
import { kubeNow } from "./k8s-objects";

export type EventType = "Normal" | "Warning";

export interface EventSource {
  component: string;
  host?: string;
}

export interface RecordedEvent {
  type: EventType;
  reason: string;
  message: string;
}

export class EventRecorder {
  /** involvedObject uid + reason + message → event name, for folding repeats. */
  private readonly seen = new Map<string, { namespace: string; name: string }>();

  constructor(private readonly store: ObjectStore) {}

  record(involved: KubeObject, source: EventSource, e: RecordedEvent): void {
    const namespace = involved.metadata.namespace ?? "default";
    const key = `${involved.metadata.uid}\u0000${e.reason}\u0000${e.message}\u0000${source.component}`;
    const now = kubeNow();
    const prior = this.seen.get(key);
    try {
      if (prior && this.store.get("events", prior.namespace, prior.name)) {
        this.store.mutate("events", prior.namespace, prior.name, (ev) => {
          ev.count = (typeof ev.count === "number" ? ev.count : 1) + 1;
          ev.lastTimestamp = now;
        });
        return;
      }
      const name = `${involved.metadata.name}.${randomBytes(8).toString("hex")}`;
      this.store.create("events", {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name, namespace },
        involvedObject: {
          apiVersion: involved.apiVersion,
          kind: involved.kind,
          name: involved.metadata.name,
          namespace: involved.metadata.namespace,
          uid: involved.metadata.uid,
          resourceVersion: involved.metadata.resourceVersion,
        },
        reason: e.reason,
        message: e.message,
        type: e.type,
        source,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? "",
      });
      this.seen.set(key, { namespace, name });
    } catch (err) {
      // Events are best effort on a real cluster too (a deleted namespace drops them); never fail the caller.
      if (!isStoreError(err)) throw err;
    }
  }

  /** Forgets folded events of an object that is gone, so the map does not grow without bound. */
  forget(uid: string): void {
    for (const k of this.seen.keys()) if (k.startsWith(`${uid}\u0000`)) this.seen.delete(k);
  }
}
