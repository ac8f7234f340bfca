// Paged lists of deployments, pods, events and nodes, returned as plain summaries with the list's resourceVersion.
import { toAutoscalerInfo } from "./autoscaler";
import { DriverError } from "./driver-error";
import type { KubeClients } from "./kube-client";
import { toDeploymentInfo, toEventInfo, toNodeInfo, toPodInfo } from "./summarize";
import type { EventInfo, ListResult, NodeInfo, PodInfo, WatchItems, WatchKind } from "./types";

/** Big clusters return pages; every page of one list shares the first page's resourceVersion. */
const PAGE_SIZE = 500;

/**
 * Bounds against a hostile or broken cluster that pages forever (a `continue` token on every page, tiny pages,
 * slow pages): a list stops with an error past these, instead of filling memory or holding a worker.
 */
export const LIST_LIMITS = { maxItems: 50_000, maxPages: 500, maxMs: 60_000 };

interface Page<T> {
  items: T[];
  metadata?: { resourceVersion?: string; _continue?: string };
}

interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit: number;
  _continue?: string;
}

async function allPages<T, R>(
  fetchPage: (q: ListQuery) => Promise<Page<T>>,
  convert: (item: T) => R,
  base: Omit<ListQuery, "limit">,
): Promise<{ items: R[]; resourceVersion: string }> {
  const items: R[] = [];
  let resourceVersion = "";
  let next: string | undefined;
  let pages = 0;
  const started = Date.now();
  const refuse = (why: string) =>
    new DriverError({
      kind: "server_error",
      message: `the cluster's list answer ${why}; Tern stopped reading it (a cluster this big or this slow needs a narrower selector)`,
    });
  do {
    if (++pages > LIST_LIMITS.maxPages) throw refuse(`went on for more than ${LIST_LIMITS.maxPages} pages`);
    if (Date.now() - started > LIST_LIMITS.maxMs) throw refuse(`took longer than ${LIST_LIMITS.maxMs / 1000} s`);
    const page = await fetchPage({ ...base, limit: PAGE_SIZE, ...(next ? { _continue: next } : {}) });
    if (!resourceVersion) resourceVersion = page.metadata?.resourceVersion ?? "";
    if (items.length + page.items.length > LIST_LIMITS.maxItems)
      throw refuse(`has more than ${LIST_LIMITS.maxItems.toLocaleString("en-US")} items`);
    for (const item of page.items) items.push(convert(item));
    next = page.metadata?._continue || undefined;
  } while (next);
  return { items, resourceVersion };
}

const selectors = (labelSelector?: string, fieldSelector?: string) => ({
  ...(labelSelector ? { labelSelector } : {}),
  ...(fieldSelector ? { fieldSelector } : {}),
});

/** Cluster-wide list of one kind, for the sync. */
export function listKind<K extends WatchKind>(k: KubeClients, kind: K, labelSelector?: string): Promise<ListResult<K>> {
  const o = k.options();
  const base = selectors(labelSelector);
  const ctx = { verb: "list", resource: kind === "autoscalers" ? "horizontalpodautoscaler" : kind.replace(/s$/, "") };
  const run = (): Promise<{ items: WatchItems[WatchKind][]; resourceVersion: string }> => {
    switch (kind) {
      case "deployments":
        return allPages((q) => k.apps.listDeploymentForAllNamespaces(q, o), toDeploymentInfo, base);
      case "pods":
        return allPages((q) => k.core.listPodForAllNamespaces(q, o), toPodInfo, base);
      case "events":
        return allPages((q) => k.core.listEventForAllNamespaces(q, o), toEventInfo, base);
      case "autoscalers":
        return allPages((q) => k.autoscaling.listHorizontalPodAutoscalerForAllNamespaces(q, o), toAutoscalerInfo, base);
      default:
        return allPages((q) => k.core.listNode(q, o), toNodeInfo, base);
    }
  };
  // The switch keeps each kind's item type; the caller's K picks the same branch.
  return k.call(ctx, run) as Promise<ListResult<K>>;
}

export function listPods(k: KubeClients, namespace: string, labelSelector?: string): Promise<PodInfo[]> {
  const o = k.options();
  return k.call(
    { verb: "list", resource: "pod", namespace },
    async () =>
      (await allPages((q) => k.core.listNamespacedPod({ ...q, namespace }, o), toPodInfo, selectors(labelSelector)))
        .items,
  );
}

/** Events of a namespace, newest first; only those about `involvedObjectName` when given. */
export function listEvents(k: KubeClients, namespace: string, involvedObjectName?: string): Promise<EventInfo[]> {
  const o = k.options();
  const field = involvedObjectName ? `involvedObject.name=${involvedObjectName}` : undefined;
  return k.call({ verb: "list", resource: "event", namespace }, async () => {
    const { items } = await allPages(
      (q) => k.core.listNamespacedEvent({ ...q, namespace }, o),
      toEventInfo,
      selectors(undefined, field),
    );
    return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  });
}

export function listNodes(k: KubeClients): Promise<NodeInfo[]> {
  const o = k.options();
  return k.call(
    { verb: "list", resource: "node" },
    async () => (await allPages((q) => k.core.listNode(q, o), toNodeInfo, {})).items,
  );
}
