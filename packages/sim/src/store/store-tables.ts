// The store's state and its three primitive writes (insert, replace, remove), each taking the next global
// resourceVersion and recording a watch event: everything else in the store is built on these.
import { objectKey } from "./list-pages";
import { RESOURCE_NAMES } from "./resources";
import type { KubeObject, ResourceName } from "./types";
import { WatchHub } from "./watch-hub";

export class StoreTables {
  rv = 0;
  readonly hub: WatchHub;
  private readonly data = new Map<ResourceName, Map<string, KubeObject>>(RESOURCE_NAMES.map((r) => [r, new Map()]));

  constructor(historyLimit: number) {
    this.hub = new WatchHub(historyLimit);
  }

  table(res: ResourceName): Map<string, KubeObject> {
    return this.data.get(res)!;
  }

  /** The stored object itself (not a copy): callers inside the store must not mutate it. */
  peek(res: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(res).get(objectKey(res, namespace, name));
  }

  insert(res: ResourceName, o: KubeObject): KubeObject {
    o.metadata.resourceVersion = String(++this.rv);
    this.table(res).set(objectKey(res, o.metadata.namespace, o.metadata.name), o);
    this.hub.record({ rv: this.rv, res, type: "ADDED", object: o });
    return structuredClone(o);
  }

  replace(res: ResourceName, old: KubeObject, next: KubeObject): KubeObject {
    next.metadata.resourceVersion = String(++this.rv);
    this.table(res).set(objectKey(res, old.metadata.namespace, old.metadata.name), next);
    this.hub.record({ rv: this.rv, res, type: "MODIFIED", object: next, prev: old });
    return structuredClone(next);
  }

  /** Read-modify-write of a stored object by the store itself (GC, finalizers, namespace phase). */
  modify(res: ResourceName, old: KubeObject, fn: (o: KubeObject) => void): KubeObject {
    const next = structuredClone(old);
    fn(next);
    return this.replace(res, old, next);
  }

  /** The DELETED event carries the object at the resourceVersion of its deletion, as etcd reports it. */
  remove(res: ResourceName, old: KubeObject): KubeObject {
    const gone = structuredClone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.table(res).delete(objectKey(res, old.metadata.namespace, old.metadata.name));
    this.hub.record({ rv: this.rv, res, type: "DELETED", object: gone });
    return structuredClone(gone);
  }
}
