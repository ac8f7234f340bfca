// GET pods/{name}/log as kube-apiserver serves it (proxied from the kubelet): plain text, with tailLines,
// sinceSeconds/sinceTime, timestamps, container, previous, limitBytes and follow (a chunked stream until the
// client hangs up or the container goes away), and the same 400/404 Status bodies a real server sends.
import { notFoundError } from "../store/store-error";
import type { KubeObject } from "../store/types";
import type { ResourceCall } from "./request-context";
import { isRecord } from "./respond";
import { HttpError } from "./status-errors";

export interface LogEntry {
  /** RFC 3339 with nanoseconds, as the kubelet prefixes lines with `timestamps=true`. */
  time: string;
  /** Epoch milliseconds of `time`, for sinceSeconds/sinceTime. */
  ms: number;
  text: string;
}

/** What the kubelets of a cluster know of container output, by pod uid and container name. */
export interface PodLogSource {
  /** The current (or, with `previous`, the last terminated) instance's lines; undefined if there is none. */
  read(podUid: string, container: string, previous: boolean): readonly LogEntry[] | undefined;
  /** New lines of the current instance as they are written; `onEnd` when it exits or the pod goes. */
  follow(podUid: string, container: string, onLine: (e: LogEntry) => void, onEnd: () => void): () => void;
}

const bool = (q: URLSearchParams, name: string) => q.get(name) === "true" || q.get(name) === "1";

function nonNegativeInt(q: URLSearchParams, name: string, min: number): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new HttpError("BadRequest", `${name}: Invalid value: "${raw}": must be an integer`);
  if (n < min)
    throw new HttpError(
      "Invalid",
      `PodLogOptions.${name}: Invalid value: ${n}: must be greater than or equal to ${min}`,
    );
  return n;
}

interface ContainerStatusLite {
  name?: unknown;
  state?: unknown;
}

function waitingReason(pod: KubeObject, container: string): string {
  const statuses = Array.isArray(pod.status?.containerStatuses) ? (pod.status.containerStatuses as unknown[]) : [];
  const st = statuses.find((s): s is ContainerStatusLite => isRecord(s) && s.name === container);
  const waiting = isRecord(st?.state) && isRecord(st.state.waiting) ? st.state.waiting : undefined;
  return typeof waiting?.reason === "string" ? waiting.reason : "ContainerCreating";
}

/** Which container: the only one, or the one named; as the apiserver words a missing or wrong choice. */
function chooseContainer(pod: KubeObject, asked: string | null): string {
  const containers = Array.isArray(pod.spec?.containers) ? (pod.spec.containers as unknown[]) : [];
  const names = containers.flatMap((c) => (isRecord(c) && typeof c.name === "string" ? [c.name] : []));
  const name = pod.metadata.name;
  if (asked) {
    if (!names.includes(asked)) throw new HttpError("BadRequest", `container ${asked} is not valid for pod ${name}`);
    return asked;
  }
  if (names.length === 1) return names[0]!;
  throw new HttpError(
    "BadRequest",
    `a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`,
  );
}

function select(entries: readonly LogEntry[], q: URLSearchParams): LogEntry[] {
  const sinceSeconds = nonNegativeInt(q, "sinceSeconds", 1);
  const sinceTime = q.get("sinceTime");
  const since =
    sinceSeconds !== undefined ? Date.now() - sinceSeconds * 1000 : sinceTime ? Date.parse(sinceTime) : undefined;
  if (since !== undefined && Number.isNaN(since))
    throw new HttpError("BadRequest", `sinceTime: Invalid value: "${sinceTime}": must be RFC 3339`);
  let out = since !== undefined ? entries.filter((e) => e.ms >= since) : [...entries];
  const tail = nonNegativeInt(q, "tailLines", 0);
  if (tail !== undefined) out = tail === 0 ? [] : out.slice(-tail);
  return out;
}

export function handlePodLog(call: ResourceCall): void {
  const { res, query: q } = call;
  const name = call.route.name!;
  const pod = call.ctx.store.get("pods", call.route.namespace, name);
  if (!pod) throw notFoundError(call.route.info, name);
  const container = chooseContainer(pod, q.get("container"));
  const previous = bool(q, "previous");
  const follow = bool(q, "follow") && !previous;
  const timestamps = bool(q, "timestamps");
  const limitBytes = nonNegativeInt(q, "limitBytes", 1);
  const source = call.ctx.podLogs;
  if (typeof pod.spec?.nodeName !== "string" || !pod.spec.nodeName)
    throw new HttpError("BadRequest", `pod ${name} does not have a host assigned`);
  const entries = source ? source.read(pod.metadata.uid, container, previous) : [];
  if (!entries) {
    if (previous)
      throw new HttpError("BadRequest", `previous terminated container "${container}" in pod "${name}" not found`);
    throw new HttpError(
      "BadRequest",
      `container "${container}" in pod "${name}" is waiting to start: ${waitingReason(pod, container)}`,
    );
  }
  let budget = limitBytes ?? Infinity;
  const format = (e: LogEntry) => `${timestamps ? `${e.time} ` : ""}${e.text}\n`;
  /** Writes within limitBytes; false once the limit is reached (the stream then ends, as the kubelet's does). */
  const write = (e: LogEntry): boolean => {
    if (budget <= 0) return false;
    let chunk = format(e);
    if (Buffer.byteLength(chunk) > budget) chunk = Buffer.from(chunk).subarray(0, budget).toString("utf8");
    budget -= Buffer.byteLength(chunk);
    res.write(chunk);
    return budget > 0;
  };
  res.writeHead(200, {
    "Content-Type": "text/plain",
    "Cache-Control": "no-cache, private",
    "X-Content-Type-Options": "nosniff",
  });
  for (const e of select(entries, q)) if (!write(e)) return void res.end();
  if (!follow || !source) return void res.end();
  res.flushHeaders();
  let stop = () => {};
  const finish = () => {
    stop();
    res.end();
  };
  stop = source.follow(
    pod.metadata.uid,
    container,
    (e) => {
      if (!write(e)) finish();
    },
    finish,
  );
  res.on("close", () => stop());
}
