// Test double of ClusterDriver's list/watch half: in-memory objects with a change history, drops, 410s and outages.
import {
  DriverError,
  type ClusterDriver,
  type WatchChange,
  type WatchItems,
  type WatchKind,
  type WatchOptions,
} from "../clusters/driver";

type Item = WatchItems[WatchKind];
interface Logged {
  rv: number;
  kind: WatchKind;
  change: WatchChange<WatchKind>;
}

const itemKey = (o: Item): string =>
  "uid" in o && "reason" in o ? o.uid : "namespace" in o ? `${o.namespace}/${o.name}` : o.name;

export class FakeDriver {
  readonly apiServer = "https://fake.invalid";
  readonly objects: { [K in WatchKind]: Map<string, WatchItems[K]> } = {
    deployments: new Map(),
    pods: new Map(),
    events: new Map(),
    nodes: new Map(),
    autoscalers: new Map(),
  };
  private rv = 1;
  private history: Logged[] = [];
  /** Watches asking for a resourceVersion older than this get 410. */
  private oldestRv = 0;
  private readonly open = new Set<{ kind: WatchKind; opts: WatchOptions<WatchKind> }>();
  down = false;
  lists = 0;
  watchesOpened = 0;

  upsert<K extends WatchKind>(kind: K, object: WatchItems[K]): void {
    const map = this.objects[kind] as Map<string, Item>;
    const type = map.has(itemKey(object)) ? "MODIFIED" : "ADDED";
    const rv = ++this.rv;
    const stored = { ...object, resourceVersion: String(rv) };
    map.set(itemKey(object), stored);
    this.publish(kind, { type, object: stored }, rv);
  }

  remove(kind: WatchKind, key: string): void {
    const map = this.objects[kind] as Map<string, Item>;
    const old = map.get(key);
    if (!old) return;
    map.delete(key);
    const rv = ++this.rv;
    this.publish(kind, { type: "DELETED", object: old }, rv);
  }

  private publish(kind: WatchKind, change: WatchChange<WatchKind>, rv: number): void {
    this.history.push({ rv, kind, change });
    for (const w of this.open) if (w.kind === kind) w.opts.onChange(change, String(rv));
  }

  /** Closes every open watch the way a server restart or proxy timeout would. */
  dropWatches(how: "ended" | "expired" = "ended"): void {
    const all = [...this.open];
    this.open.clear();
    for (const w of all) setImmediate(() => w.opts.onClose({ kind: how }));
  }

  /** Forgets history, so resuming from any earlier resourceVersion is a 410. */
  compact(): void {
    this.history = [];
    this.oldestRv = this.rv;
  }

  /** The API goes away: open watches fail and new calls are refused until `down` is false again. */
  outage(): void {
    this.down = true;
    const all = [...this.open];
    this.open.clear();
    for (const w of all) setImmediate(() => w.opts.onClose({ kind: "error", error: this.unreachable().toJSON() }));
  }

  private unreachable(): DriverError {
    return new DriverError({
      kind: "unreachable",
      message: `cluster API at ${this.apiServer} is unreachable (ECONNREFUSED)`,
    });
  }

  get openWatches(): number {
    return this.open.size;
  }

  asDriver(): ClusterDriver {
    const notUsed = () => Promise.reject(new Error("not used by the sync"));
    return {
      apiServer: this.apiServer,
      testConnection: notUsed,
      applyModelDeployment: notUsed,
      scale: notUsed,
      deleteModelDeployment: notUsed,
      getDeploymentStatus: notUsed,
      listPods: notUsed,
      listEvents: notUsed,
      readPodLogs: notUsed,
      listNodes: notUsed,
      infer: notUsed,
      httpRoutes: { get: notUsed, apply: notUsed, delete: notUsed },
      list: async (kind, opts) => {
        await Promise.resolve();
        if (this.down) throw this.unreachable();
        this.lists++;
        let items = [...this.objects[kind].values()];
        if (opts?.labelSelector) {
          const [k, v] = opts.labelSelector.split("=");
          items = items.filter((o) => "labels" in o && o.labels[k ?? ""] === v);
        }
        return { items, resourceVersion: String(this.rv) };
      },
      watch: <K extends WatchKind>(kind: K, opts: WatchOptions<K>) => {
        this.watchesOpened++;
        const entry = { kind, opts: opts as unknown as WatchOptions<WatchKind> };
        const from = Number(opts.resourceVersion);
        let stopped = false;
        setImmediate(() => {
          if (stopped) return;
          if (this.down) return opts.onClose({ kind: "error", error: this.unreachable().toJSON() });
          if (from < this.oldestRv) return opts.onClose({ kind: "expired" });
          // Replays what happened since `from`, as an API server's watch cache does.
          for (const h of this.history)
            if (h.kind === kind && h.rv > from) opts.onChange(h.change as WatchChange<K>, String(h.rv));
          this.open.add(entry);
        });
        return {
          stop: () => {
            stopped = true;
            this.open.delete(entry);
          },
        };
      },
    };
  }
}
