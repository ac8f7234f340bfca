// GET of one object (or its status/scale) and LIST, as JSON or as a Table for kubectl.
import { notFoundError } from "../store/store-error";
import type { KubeObject } from "../store/types";
import type { ResourceCall } from "./request-context";
import { sendJson } from "./respond";
import { toScale } from "./scale";
import { parseIncludeObject, toTable, wantsTable } from "./table";

export function readObject(call: ResourceCall, name: string): KubeObject {
  const o = call.ctx.store.get(call.route.info.resource, call.route.namespace, name);
  if (!o) throw notFoundError(call.route.info, name);
  return o;
}

export function handleGet(call: ResourceCall, name: string): void {
  const o = readObject(call, name);
  if (call.route.subresource === "scale") return sendJson(call.res, 200, toScale(o));
  if (wantsTable(call.req.headers.accept)) {
    return sendJson(
      call.res,
      200,
      toTable(call.route.info.resource, [o], {
        include: parseIncludeObject(call.query.get("includeObject")),
        resourceVersion: o.metadata.resourceVersion,
      }),
    );
  }
  sendJson(call.res, 200, o);
}

function parseLimit(v: string | null): number | undefined {
  if (v === null || v === "") return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function handleList(call: ResourceCall): void {
  const { info, namespace } = call.route;
  const q = call.query;
  const limit = parseLimit(q.get("limit"));
  const cont = q.get("continue");
  const result = call.ctx.store.list(info.resource, {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(q.get("labelSelector") ? { labelSelector: q.get("labelSelector")! } : {}),
    ...(q.get("fieldSelector") ? { fieldSelector: q.get("fieldSelector")! } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(cont ? { continue: cont } : {}),
  });
  if (wantsTable(call.req.headers.accept)) {
    return sendJson(
      call.res,
      200,
      toTable(info.resource, result.items, {
        include: parseIncludeObject(q.get("includeObject")),
        resourceVersion: result.resourceVersion,
        ...(result.continue ? { continue: result.continue } : {}),
        ...(result.remainingItemCount !== undefined ? { remainingItemCount: result.remainingItemCount } : {}),
      }),
    );
  }
  sendJson(call.res, 200, {
    kind: `${info.kind}List`,
    apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
    metadata: {
      resourceVersion: result.resourceVersion,
      ...(result.continue ? { continue: result.continue } : {}),
      ...(result.remainingItemCount !== undefined ? { remainingItemCount: result.remainingItemCount } : {}),
    },
    items: result.items,
  });
}
