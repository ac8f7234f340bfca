// One cluster-wide watch of deployments, pods, events, nodes or autoscalers from a resourceVersion, reported as plain data.
import type { CoreV1Event, V1Deployment, V1Node, V1Pod, V2HorizontalPodAutoscaler } from "@kubernetes/client-node";
import { toAutoscalerInfo } from "./autoscaler";
import type { KubeClients } from "./kube-client";
import { toDriverError } from "./driver-error";
import { parseStatus } from "./parse-status";
import { toDeploymentInfo, toEventInfo, toNodeInfo, toPodInfo } from "./summarize";
import type { WatchHandle, WatchItems, WatchKind, WatchOptions } from "./types";

const PATHS: Record<WatchKind, string> = {
  deployments: "/apis/apps/v1/deployments",
  pods: "/api/v1/pods",
  events: "/api/v1/events",
  nodes: "/api/v1/nodes",
  autoscalers: "/apis/autoscaling/v2/horizontalpodautoscalers",
};

// Watch objects are raw JSON; the summaries read the same field names and accept string timestamps.
const CONVERT: { [K in WatchKind]: (o: never) => WatchItems[K] } = {
  deployments: (o: V1Deployment) => toDeploymentInfo(o),
  pods: (o: V1Pod) => toPodInfo(o),
  events: (o: CoreV1Event) => toEventInfo(o),
  nodes: (o: V1Node) => toNodeInfo(o),
  autoscalers: (o: V2HorizontalPodAutoscaler) => toAutoscalerInfo(o),
};

type RawObject = { metadata?: { resourceVersion?: string } } | null | undefined;

export function watchKind<K extends WatchKind>(k: KubeClients, kind: K, opts: WatchOptions<K>): WatchHandle {
  let stopped = false;
  let closed = false;
  let controller: AbortController | undefined;
  const convert = CONVERT[kind] as (o: RawObject) => WatchItems[K];

  const close = (c: Parameters<WatchOptions<K>["onClose"]>[0]) => {
    if (closed || stopped) return;
    closed = true;
    controller?.abort();
    opts.onClose(c);
  };

  const onEvent = (type: string, obj: RawObject) => {
    if (stopped || closed) return;
    const rv = obj?.metadata?.resourceVersion ?? "";
    if (type === "BOOKMARK") {
      if (rv) opts.onBookmark?.(rv);
      return;
    }
    if (type === "ERROR") {
      // A real API server reports an expired resourceVersion as an ERROR event carrying a 410 Status.
      const st = parseStatus(obj);
      if (st?.code === 410 || st?.reason === "Expired" || st?.reason === "Gone") return close({ kind: "expired" });
      const error = toDriverError(
        { code: st?.code ?? 500, body: obj },
        { apiServer: k.apiServer, verb: "watch", resource: kind.replace(/s$/, "") },
      );
      return close({ kind: "error", error: error.toJSON() });
    }
    if (type !== "ADDED" && type !== "MODIFIED" && type !== "DELETED") return;
    opts.onChange({ type, object: convert(obj) }, rv);
  };

  const onDone = (err: unknown) => {
    if (!err) return close({ kind: "ended" });
    const error = toDriverError(err, { apiServer: k.apiServer, verb: "watch", resource: kind.replace(/s$/, "") });
    if (error.kind === "gone") return close({ kind: "expired" });
    // Once the stream was open, a cut connection or the client's 30 s inactivity timeout is a dropped watch: the
    // caller resumes from its resourceVersion, and only if that reconnect fails is the cluster unreachable.
    if ((error.kind === "timeout" || error.kind === "unreachable") && controller !== undefined)
      return close({ kind: "ended" });
    close({ kind: "error", error: error.toJSON() });
  };

  const query = {
    allowWatchBookmarks: true,
    resourceVersion: opts.resourceVersion,
    ...(opts.labelSelector ? { labelSelector: opts.labelSelector } : {}),
  };
  k.watch.watch(PATHS[kind], query, onEvent, onDone).then((c) => {
    controller = c;
    if (stopped) c.abort();
  }, onDone);

  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}
