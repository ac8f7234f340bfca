// WATCH: newline-delimited JSON events over a chunked response, with bookmarks, timeouts, 410 as an ERROR event,
// and registration with the fault injector so watches can be dropped on demand.
import { isStoreError } from "../store/store-error";
import { apiVersionOf } from "../store/resources";
import type { KubeObject, WatchEvent } from "../store/types";
import type { ResourceCall } from "./request-context";
import { sendError } from "./respond";
import { failure } from "./status-errors";
import { parseIncludeObject, toTable, wantsTable } from "./table";

export function handleWatch(call: ResourceCall): void {
  const { req, res, route, query: q, ctx } = call;
  const { info } = route;
  const selectors = [q.get("fieldSelector"), route.name !== undefined ? `metadata.name=${route.name}` : null].filter(
    (s): s is string => !!s,
  );
  const table = wantsTable(req.headers.accept);
  const include = parseIncludeObject(q.get("includeObject"));
  const sendInitial = q.get("sendInitialEvents") === "true";
  const rv = sendInitial ? undefined : (q.get("resourceVersion") ?? undefined);
  const bookmarkObject = (annotations?: Record<string, string>): KubeObject =>
    ({
      kind: info.kind,
      apiVersion: apiVersionOf(info),
      metadata: { resourceVersion: ctx.store.currentResourceVersion(), ...(annotations ? { annotations } : {}) },
    }) as unknown as KubeObject;

  const write = (e: WatchEvent | { type: "ERROR"; object: unknown }) => {
    if (res.writableEnded || res.destroyed) return;
    const object =
      table && (e.type === "ADDED" || e.type === "MODIFIED" || e.type === "DELETED")
        ? toTable(info.resource, [e.object], { include })
        : e.object;
    res.write(`${JSON.stringify({ type: e.type, object })}\n`);
  };

  let initialCount = 0;
  let unsubscribe: () => void;
  try {
    if (sendInitial)
      initialCount = ctx.store.list(info.resource, {
        ...(route.namespace !== undefined ? { namespace: route.namespace } : {}),
        labelSelector: q.get("labelSelector") ?? "",
        fieldSelector: selectors.join(","),
      }).items.length;
    unsubscribe = ctx.store.watch(
      info.resource,
      {
        ...(route.namespace !== undefined ? { namespace: route.namespace } : {}),
        ...(q.get("labelSelector") ? { labelSelector: q.get("labelSelector")! } : {}),
        ...(selectors.length ? { fieldSelector: selectors.join(",") } : {}),
        ...(rv !== undefined ? { resourceVersion: rv } : {}),
      },
      (e) => {
        write(e);
        // sendInitialEvents: a bookmark annotated initial-events-end marks the end of the synthetic ADDED events.
        if (sendInitial && --initialCount === 0)
          write({ type: "BOOKMARK", object: bookmarkObject({ "k8s.io/initial-events-end": "true" }) });
      },
    );
  } catch (err) {
    if (isStoreError(err) && err.reason === "Expired") {
      // A real server reports a compacted resourceVersion inside a 200 stream, as an ERROR event, then closes it.
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
      write({ type: "ERROR", object: failure("Expired", err.message) });
      res.end();
      return;
    }
    sendError(res, err);
    return;
  }

  res.writeHead(200, {
    "Content-Type": "application/json",
    "Transfer-Encoding": "chunked",
    "Cache-Control": "no-cache, private",
  });
  res.flushHeaders(); // clients wait for headers before they start their idle timers
  if (sendInitial && initialCount === 0)
    write({ type: "BOOKMARK", object: bookmarkObject({ "k8s.io/initial-events-end": "true" }) });

  const timers: NodeJS.Timeout[] = [];
  if (q.get("allowWatchBookmarks") === "true") {
    // Event delivery runs on microtasks, so by the time this timer fires every event up to the current
    // resourceVersion has been written: the bookmark never claims an event the client has not seen.
    timers.push(setInterval(() => write({ type: "BOOKMARK", object: bookmarkObject() }), ctx.bookmarkIntervalMs));
  }
  const timeout = Number(q.get("timeoutSeconds"));
  if (Number.isFinite(timeout) && timeout > 0) timers.push(setTimeout(() => res.end(), timeout * 1000));

  const unregister = ctx.faults.registerWatch((how) => (how === "reset" ? res.destroy() : res.end()));
  res.on("close", () => {
    for (const t of timers) clearTimeout(t);
    unsubscribe();
    unregister();
  });
}
