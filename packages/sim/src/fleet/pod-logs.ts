// The container output of one cluster's pods, as the kubelet keeps it: per pod uid and container, the current
// instance and the last terminated one (for `kubectl logs --previous`), bounded, and followable.
import type { LogEntry, PodLogSource } from "../apiserver";

/** Lines kept per container instance; the oldest go first, like a rotated container log. */
const MAX_LINES = 5_000;

interface Instance {
  entries: LogEntry[];
  running: boolean;
}

interface ContainerLog {
  current: Instance;
  previous?: Instance;
  followers: Set<{ onLine: (e: LogEntry) => void; onEnd: () => void }>;
}

let lastMs = 0;
let seq = 0;
/** RFC 3339 with nanoseconds, strictly increasing so `--timestamps` output sorts as written. */
function stamp(): { time: string; ms: number } {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else seq++;
  const iso = new Date(lastMs).toISOString(); // 2026-12-03T05:52:10.123Z
  return { time: `${iso.slice(0, 23)}${String(seq).padStart(6, "0")}Z`, ms: lastMs };
}

export class PodLogBook implements PodLogSource {
  private readonly pods = new Map<string, Map<string, ContainerLog>>();

  /** A new instance of the container starts: the one before becomes `previous`, its followers end. */
  start(podUid: string, container: string): void {
    let byName = this.pods.get(podUid);
    if (!byName) this.pods.set(podUid, (byName = new Map<string, ContainerLog>()));
    const log = byName.get(container);
    if (!log) {
      byName.set(container, { current: { entries: [], running: true }, followers: new Set() });
      return;
    }
    this.endFollowers(log);
    log.previous = log.current;
    log.previous.running = false;
    log.current = { entries: [], running: true };
  }

  /** The current instance exits (its lines stay readable until the next start). */
  exit(podUid: string, container: string): void {
    const log = this.pods.get(podUid)?.get(container);
    if (!log) return;
    log.current.running = false;
    this.endFollowers(log);
  }

  write(podUid: string, container: string, text: string): void {
    const log = this.pods.get(podUid)?.get(container);
    if (!log) return;
    for (const line of text.split("\n")) {
      const e = { ...stamp(), text: line };
      log.current.entries.push(e);
      for (const f of log.followers) f.onLine(e);
    }
    if (log.current.entries.length > MAX_LINES) log.current.entries.splice(0, log.current.entries.length - MAX_LINES);
  }

  /** The pod is gone: its logs go with it, as the kubelet removes a deleted pod's log directory. */
  forget(podUid: string): void {
    for (const log of this.pods.get(podUid)?.values() ?? []) this.endFollowers(log);
    this.pods.delete(podUid);
  }

  read(podUid: string, container: string, previous: boolean): readonly LogEntry[] | undefined {
    const log = this.pods.get(podUid)?.get(container);
    return (previous ? log?.previous : log?.current)?.entries;
  }

  follow(podUid: string, container: string, onLine: (e: LogEntry) => void, onEnd: () => void): () => void {
    const log = this.pods.get(podUid)?.get(container);
    if (!log || !log.current.running) {
      // Following an exited container returns what it wrote and ends, as `kubectl logs -f` does then.
      queueMicrotask(onEnd);
      return () => {};
    }
    const f = { onLine, onEnd };
    log.followers.add(f);
    return () => log.followers.delete(f);
  }

  private endFollowers(log: ContainerLog): void {
    const ending = [...log.followers];
    log.followers.clear();
    for (const f of ending) f.onEnd();
  }
}
