// One connected period: list every kind, then watch each from its list's resourceVersion until something fails.
import {
  MANAGED_BY,
  MANAGED_BY_LABEL,
  toDriverError,
  type ClusterDriver,
  type DriverErrorData,
  type WatchChange,
  type WatchHandle,
  type WatchItems,
  type WatchKind,
} from "../driver";

const KINDS: WatchKind[] = ["deployments", "pods", "events", "nodes", "autoscalers"];

/**
 * Only Tern's deployments are mirrored. Pods, events and nodes are watched cluster-wide: one connection per kind
 * however many namespaces Tern uses, and other workloads' pods hold GPUs that count against capacity.
 */
const SELECTORS: Partial<Record<WatchKind, string>> = {
  deployments: `${MANAGED_BY_LABEL}=${MANAGED_BY}`,
  autoscalers: `${MANAGED_BY_LABEL}=${MANAGED_BY}`,
};

/** A watch that ends this soon without any event is re-opened after a growing pause, not in a tight loop. */
const QUICK_END_MS = 1_000;
const QUICK_END_PAUSE_MS = 500;
const MAX_QUICK_END_PAUSE_MS = 5_000;

export interface SessionHandlers {
  replaced: <K extends WatchKind>(kind: K, items: WatchItems[K][]) => void;
  changed: <K extends WatchKind>(kind: K, change: WatchChange<K>) => void;
  /** Every kind was listed: the cluster answers. */
  listed: () => void;
}

/**
 * Resolves with the error that ended the session, or undefined when `signal` aborted it. A watch the server closed
 * resumes from its last resourceVersion; an expired one (410) re-lists that kind; any other failure ends the session.
 */
export function runSession(
  driver: ClusterDriver,
  handlers: SessionHandlers,
  signal: AbortSignal,
): Promise<DriverErrorData | undefined> {
  return new Promise((resolve) => {
    const handles = new Map<WatchKind, WatchHandle>();
    const timers = new Set<NodeJS.Timeout>();
    let finished = false;

    const finish = (error?: DriverErrorData) => {
      if (finished) return;
      finished = true;
      for (const h of handles.values()) h.stop();
      for (const t of timers) clearTimeout(t);
      signal.removeEventListener("abort", onAbort);
      resolve(error);
    };
    const onAbort = () => finish();
    const fail = (err: unknown) => finish(toDriverError(err, { apiServer: driver.apiServer }).toJSON());
    if (signal.aborted) return finish();
    signal.addEventListener("abort", onAbort, { once: true });

    const later = (ms: number, run: () => void) => {
      if (ms === 0) return run();
      const t = setTimeout(() => {
        timers.delete(t);
        run();
      }, ms);
      timers.add(t);
    };

    const list = async (kind: WatchKind): Promise<string> => {
      const selector = SELECTORS[kind];
      const result = await driver.list(kind, selector ? { labelSelector: selector } : {});
      if (!finished) handlers.replaced(kind, result.items);
      return result.resourceVersion;
    };

    const watch = (kind: WatchKind, from: string, quickEnds: number) => {
      if (finished) return;
      let resourceVersion = from;
      let progressed = false;
      const opened = Date.now();
      const selector = SELECTORS[kind];
      try {
        handles.set(
          kind,
          driver.watch(kind, {
            resourceVersion,
            ...(selector ? { labelSelector: selector } : {}),
            onChange: (change, rv) => {
              progressed = true;
              if (rv) resourceVersion = rv;
              handlers.changed(kind, change);
            },
            onBookmark: (rv) => {
              progressed = true;
              resourceVersion = rv;
            },
            onClose: (close) => {
              if (finished) return;
              if (close.kind === "error") return finish(close.error);
              if (close.kind === "expired") return void list(kind).then((rv) => watch(kind, rv, 0), fail);
              const quick = !progressed && Date.now() - opened < QUICK_END_MS ? quickEnds + 1 : 0;
              // The first early end is re-opened at once (a dropped connection); repeats back off.
              later(Math.min(Math.max(0, quick - 1) * QUICK_END_PAUSE_MS, MAX_QUICK_END_PAUSE_MS), () =>
                watch(kind, resourceVersion, quick),
              );
            },
          }),
        );
      } catch (err) {
        fail(err);
      }
    };

    Promise.all(KINDS.map(list)).then((versions) => {
      if (finished) return;
      handlers.listed();
      KINDS.forEach((kind, i) => watch(kind, versions[i] ?? "", 0));
    }, fail);
  });
}
