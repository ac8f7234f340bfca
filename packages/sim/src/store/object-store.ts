// In-memory object store with Kubernetes semantics (one global resourceVersion, watch history, GC), shared in-process
// by the simulated API server and the fleet controllers. Every read returns a copy; every write validates.
import { randomUUID } from "node:crypto";
import { applyDefaults } from "./defaults";
import { deleteObject, timestamp, type DeleteOptions } from "./delete-object";
import { matchesFields, parseFieldSelector } from "./field-selector";
import { matchesLabels, parseLabelSelector } from "./label-selector";
import { decodeContinue, encodeContinue, objectKey } from "./list-pages";
import { apiVersionOf, RESOURCES } from "./resources";
import { alreadyExistsError, conflictError, notFoundError, StoreError } from "./store-error";
import { StoreTables } from "./store-tables";
import type { KubeObject, NewObject, ResourceName, WatchEvent } from "./types";
import { validateObject } from "./validation";
import type { ObjectFilter } from "./watch-hub";

export type {
  KubeObject,
  NewObject,
  ObjectMeta,
  OwnerReference,
  PropagationPolicy,
  ResourceName,
  WatchEvent,
} from "./types";
export { StoreError, isStoreError, type StatusCause, type StoreErrorReason } from "./store-error";
export type { DeleteOptions } from "./delete-object";

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Absent, "" or "0": synthetic ADDED for current objects, then live events. Otherwise replay after it. */
  resourceVersion?: string;
}

export interface WriteOptions {
  subresource?: "status";
  /** Validate and compute the result without storing it (`dryRun=All`). */
  dryRun?: boolean;
}

const NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789"; // what apiserver's generateName uses: no vowels, no confusables
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const IMMUTABLE_META = ["uid", "creationTimestamp", "generation", "deletionTimestamp", "name", "namespace"] as const;

export class ObjectStore {
  private readonly t: StoreTables;
  private serviceIPs = 0;

  constructor(opts: { historyLimit?: number } = {}) {
    this.t = new StoreTables(opts.historyLimit ?? 5000);
  }

  currentResourceVersion(): string {
    return String(this.t.rv);
  }

  get(res: ResourceName, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.t.peek(res, namespace, name);
    return o && structuredClone(o);
  }

  list(res: ResourceName, opts: ListOptions = {}): ListResult {
    const filter = this.filter(res, opts);
    const start = opts.continue ? decodeContinue(opts.continue) : undefined;
    const table = this.t.table(res);
    const matching = [...table.keys()]
      .sort()
      .filter((k) => start === undefined || k > start)
      .map((k) => table.get(k)!)
      .filter(filter);
    const resourceVersion = this.currentResourceVersion();
    const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
    if (limit === undefined || matching.length <= limit)
      return { items: matching.map((o) => structuredClone(o)), resourceVersion };
    const page = matching.slice(0, limit);
    const last = page[page.length - 1]!;
    const result: ListResult = {
      items: page.map((o) => structuredClone(o)),
      resourceVersion,
      continue: encodeContinue(this.t.rv, objectKey(res, last.metadata.namespace, last.metadata.name)),
    };
    // Like the apiserver, the remaining count is only known (and sent) when no selector filtered the list.
    if (!opts.labelSelector && !opts.fieldSelector) result.remainingItemCount = matching.length - limit;
    return result;
  }

  create(res: ResourceName, input: NewObject, opts: Pick<WriteOptions, "dryRun"> = {}): KubeObject {
    const info = RESOURCES[res];
    const o = structuredClone(input) as KubeObject;
    o.apiVersion = apiVersionOf(info);
    o.kind = info.kind;
    if (!info.namespaced) delete o.metadata.namespace;
    if (!o.metadata.name && o.metadata.generateName)
      o.metadata.name = this.generateName(res, o.metadata.namespace, o.metadata.generateName);
    validateObject(res, o);
    if (info.namespaced && !this.t.peek("namespaces", undefined, o.metadata.namespace!)) {
      throw new StoreError("NotFound", `namespaces "${o.metadata.namespace}" not found`, {
        details: { name: o.metadata.namespace!, kind: "namespaces" },
      });
    }
    if (this.t.peek(res, o.metadata.namespace, o.metadata.name)) throw alreadyExistsError(info, o.metadata.name);
    delete o.metadata.deletionTimestamp;
    o.metadata.uid = randomUUID();
    o.metadata.creationTimestamp = timestamp();
    if (res === "events")
      delete o.metadata.generation; // events carry no generation on a real server
    else o.metadata.generation = 1;
    // A real server clears status on create for workloads: their controllers own it.
    if (res === "deployments" || res === "replicasets" || res === "horizontalpodautoscalers") o.status = {};
    // A CRD with the status subresource ignores status on create: its controller writes it.
    if (res === "httproutes") delete o.status;
    applyDefaults(res, o, () => this.nextClusterIP());
    if (opts.dryRun) return { ...o, metadata: { ...o.metadata, resourceVersion: "" } };
    return this.t.insert(res, o);
  }

  update(res: ResourceName, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const info = RESOURCES[res];
    const old = this.t.peek(res, info.namespaced ? input.metadata.namespace : undefined, input.metadata.name);
    if (!old) throw notFoundError(info, input.metadata.name);
    const wanted = input.metadata.resourceVersion;
    if (wanted && wanted !== old.metadata.resourceVersion) throw conflictError(info, input.metadata.name);
    let next: KubeObject;
    if (opts.subresource === "status") {
      // Status writes change only status (ResetObjectMetaForStatus): spec and metadata stay as stored.
      next = structuredClone(old);
      next.status = structuredClone(input.status ?? {});
    } else {
      next = structuredClone(input);
      next.apiVersion = old.apiVersion;
      next.kind = old.kind;
      // Their controllers own status.
      if (res === "deployments" || res === "horizontalpodautoscalers") next.status = structuredClone(old.status ?? {});
      if (res === "httproutes") {
        if (old.status) next.status = structuredClone(old.status);
        else delete next.status;
      }
      for (const f of IMMUTABLE_META) {
        if (old.metadata[f] === undefined) delete next.metadata[f];
        else (next.metadata as unknown as Record<string, unknown>)[f] = old.metadata[f];
      }
      if (!same(old.spec, next.spec) && old.metadata.generation !== undefined)
        next.metadata.generation = old.metadata.generation + 1;
      applyDefaults(res, next, () => this.nextClusterIP());
      validateObject(res, next, old);
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (same(next, old)) return structuredClone(old); // a no-op write stores nothing and wakes no watcher
    if (opts.dryRun) return next;
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) return this.t.remove(res, old);
    return this.t.replace(res, old, next);
  }

  /** Read-modify-write for controllers: `fn` edits a copy of the current object; no conflict is possible in-process. */
  mutate(
    res: ResourceName,
    namespace: string | undefined,
    name: string,
    fn: (obj: KubeObject) => void,
    opts: WriteOptions = {},
  ): KubeObject {
    const cur = this.get(res, namespace, name);
    if (!cur) throw notFoundError(RESOURCES[res], name);
    const rv = cur.metadata.resourceVersion;
    fn(cur);
    cur.metadata.resourceVersion = rv;
    return this.update(res, cur, opts);
  }

  delete(res: ResourceName, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    return deleteObject(this.t, res, RESOURCES[res].namespaced ? namespace : undefined, name, opts);
  }

  watch(res: ResourceName, opts: WatchOptions, onEvent: (e: WatchEvent) => void): () => void {
    const filter = this.filter(res, opts);
    const rv = opts.resourceVersion;
    if (rv === undefined || rv === "" || rv === "0") {
      return this.t.hub.subscribe(res, filter, { initial: this.list(res, opts).items }, onEvent);
    }
    const fromRv = Number(rv);
    if (!Number.isInteger(fromRv) || fromRv < 0) {
      throw new StoreError("BadRequest", `resourceVersion: Invalid value: "${rv}": must be a non-negative integer`);
    }
    // A resourceVersion from the future is treated as "now" (a real server would wait for it, then time out).
    return this.t.hub.subscribe(res, filter, { fromRv: Math.min(fromRv, this.t.rv) }, onEvent);
  }

  /** How many watches are open (tests and the admin API use it to see that streams were closed). */
  get openWatches(): number {
    return this.t.hub.watcherCount;
  }

  private filter(
    res: ResourceName,
    opts: { namespace?: string; labelSelector?: string; fieldSelector?: string },
  ): ObjectFilter {
    const labels = parseLabelSelector(opts.labelSelector);
    const fields = parseFieldSelector(res, opts.fieldSelector);
    const ns = RESOURCES[res].namespaced ? opts.namespace : undefined;
    return (o) =>
      (!ns || o.metadata.namespace === ns) && matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o);
  }

  private generateName(res: ResourceName, ns: string | undefined, prefix: string): string {
    for (;;) {
      let suffix = "";
      for (let i = 0; i < 5; i++) suffix += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
      if (!this.t.peek(res, ns, prefix + suffix)) return prefix + suffix;
    }
  }

  private nextClusterIP(): string {
    const n = ++this.serviceIPs;
    return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }
}
