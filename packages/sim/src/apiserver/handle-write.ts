// POST (create), PUT (replace, incl. status and scale), DELETE and DELETE-collection.
import { StoreError } from "../store/store-error";
import type { KubeObject, PropagationPolicy } from "../store/types";
import { readObject } from "./handle-read";
import { recordUpdate } from "./managed-fields";
import { asResourceObject, fieldManager, isDryRun, requireName, type ResourceCall } from "./request-context";
import { isRecord, parseBody, readBody, sendJson } from "./respond";
import { fromScale, toScale } from "./scale";
import { HttpError, success } from "./status-errors";

export async function handleCreate(call: ResourceCall): Promise<void> {
  if (call.route.name !== undefined)
    throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  const obj = asResourceObject(call, parseBody(await readBody(call.req), call.req.headers["content-type"] ?? ""));
  recordUpdate(undefined, obj, fieldManager(call));
  const created = call.ctx.store.create(call.route.info.resource, obj, { dryRun: isDryRun(call.query) });
  sendJson(call.res, 201, created);
}

export async function handleReplace(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const body = parseBody(await readBody(call.req), call.req.headers["content-type"] ?? "");
  const { store } = call.ctx;
  const { info, subresource } = call.route;
  const dryRun = isDryRun(call.query);
  const existing = readObject(call, name);
  if (subresource === "scale") {
    const next = fromScale(existing, body);
    recordUpdate(existing, next, fieldManager(call), "scale");
    return sendJson(call.res, 200, toScale(store.update(info.resource, next, { dryRun })));
  }
  const obj = asResourceObject(call, body);
  recordUpdate(existing, obj, fieldManager(call), subresource);
  const updated = store.update(info.resource, obj, { dryRun, ...(subresource === "status" ? { subresource } : {}) });
  sendJson(call.res, 200, updated);
}

interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  dryRun: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const POLICIES = new Set(["Foreground", "Background", "Orphan"]);

async function deleteOptions(call: ResourceCall): Promise<DeleteOptions> {
  const text = await readBody(call.req);
  const body = text.trim() ? parseBody(text, call.req.headers["content-type"] ?? "application/json") : {};
  const b = isRecord(body) ? body : {};
  let policy =
    call.query.get("propagationPolicy") ?? (typeof b.propagationPolicy === "string" ? b.propagationPolicy : undefined);
  // orphanDependents is the pre-1.7 spelling of the same choice, still honoured by the apiserver.
  if (policy === undefined && (b.orphanDependents === true || call.query.get("orphanDependents") === "true"))
    policy = "Orphan";
  if (policy !== undefined && !POLICIES.has(policy)) {
    throw new HttpError(
      "Invalid",
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  const dryRun = isDryRun(call.query) || (Array.isArray(b.dryRun) && b.dryRun.includes("All"));
  const pre = isRecord(b.preconditions) ? b.preconditions : undefined;
  return {
    ...(policy ? { propagationPolicy: policy as PropagationPolicy } : {}),
    dryRun,
    ...(pre
      ? {
          preconditions: {
            ...(typeof pre.uid === "string" ? { uid: pre.uid } : {}),
            ...(typeof pre.resourceVersion === "string" ? { resourceVersion: pre.resourceVersion } : {}),
          },
        }
      : {}),
  };
}

function checkPreconditions(o: KubeObject, pre: DeleteOptions["preconditions"], qualified: string): void {
  if (pre?.uid && pre.uid !== o.metadata.uid) {
    throw new StoreError(
      "Conflict",
      `Operation cannot be fulfilled on ${qualified} "${o.metadata.name}": Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${o.metadata.uid}`,
    );
  }
  if (pre?.resourceVersion && pre.resourceVersion !== o.metadata.resourceVersion) {
    throw new StoreError(
      "Conflict",
      `Operation cannot be fulfilled on ${qualified} "${o.metadata.name}": Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${o.metadata.resourceVersion}`,
    );
  }
}

/** Pods and namespaces answer a DELETE with the object; other resources with a Success Status (as the apiserver does). */
const RETURNS_OBJECT = new Set(["pods", "namespaces"]);

export async function handleDelete(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  if (call.route.subresource)
    throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  const { info, namespace } = call.route;
  const opts = await deleteOptions(call);
  const existing = readObject(call, name);
  checkPreconditions(existing, opts.preconditions, info.group ? `${info.resource}.${info.group}` : info.resource);
  const gone = call.ctx.store.delete(info.resource, namespace, name, {
    ...(opts.propagationPolicy ? { propagationPolicy: opts.propagationPolicy } : {}),
    dryRun: opts.dryRun,
  });
  const stillThere = !opts.dryRun && call.ctx.store.get(info.resource, namespace, name) !== undefined;
  if (stillThere && info.resource !== "namespaces") return sendJson(call.res, 202, gone); // held by finalizers
  if (RETURNS_OBJECT.has(info.resource)) return sendJson(call.res, 200, gone);
  sendJson(
    call.res,
    200,
    success({ name, ...(info.group ? { group: info.group } : {}), kind: info.resource, uid: existing.metadata.uid }),
  );
}

export async function handleDeleteCollection(call: ResourceCall): Promise<void> {
  const { info, namespace } = call.route;
  if (info.resource === "namespaces")
    throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  const opts = await deleteOptions(call);
  const q = call.query;
  const { items } = call.ctx.store.list(info.resource, {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(q.get("labelSelector") ? { labelSelector: q.get("labelSelector")! } : {}),
    ...(q.get("fieldSelector") ? { fieldSelector: q.get("fieldSelector")! } : {}),
  });
  const deleted: KubeObject[] = [];
  for (const o of items) {
    if (!call.ctx.store.get(info.resource, o.metadata.namespace, o.metadata.name)) continue; // already collected as a dependent
    deleted.push(
      call.ctx.store.delete(info.resource, o.metadata.namespace, o.metadata.name, {
        ...(opts.propagationPolicy ? { propagationPolicy: opts.propagationPolicy } : {}),
        dryRun: opts.dryRun,
      }),
    );
  }
  sendJson(call.res, 200, {
    kind: `${info.kind}List`,
    apiVersion: info.group ? `${info.group}/${info.version}` : "v1",
    metadata: { resourceVersion: call.ctx.store.currentResourceVersion() },
    items: deleted,
  });
}
