// PATCH in its four content types: JSON patch, merge patch, strategic merge patch and server-side apply.
import { apiVersionOf } from "../store/resources";
import type { KubeObject } from "../store/types";
import { readObject } from "./handle-read";
import { jsonPatch } from "./json-patch";
import { recordUpdate } from "./managed-fields";
import { mergePatch } from "./merge-patch";
import { asResourceObject, fieldManager, isDryRun, requireName, type ResourceCall } from "./request-context";
import { isRecord, mediaType, parseBody, readBody, sendJson } from "./respond";
import { fromScale, toScale } from "./scale";
import { serverSideApply } from "./server-side-apply";
import { HttpError } from "./status-errors";
import { strategicMergePatch } from "./strategic-merge-patch";

const APPLY = "application/apply-patch+yaml";
const PATCHERS: Record<string, (doc: unknown, patch: unknown) => unknown> = {
  "application/json-patch+json": jsonPatch,
  "application/merge-patch+json": mergePatch,
  "application/strategic-merge-patch+json": strategicMergePatch,
};

function unsupported(): HttpError {
  return new HttpError(
    "UnsupportedMediaType",
    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json",
  );
}

export async function handlePatch(call: ResourceCall): Promise<void> {
  const name = requireName(call);
  const type = mediaType(call.req.headers["content-type"]);
  if (type !== APPLY && !PATCHERS[type]) throw unsupported();
  const body = parseBody(await readBody(call.req), type === APPLY ? "application/yaml" : "application/json");
  if (type === APPLY) return apply(call, name, body);
  const patcher = PATCHERS[type]!;
  const { store } = call.ctx;
  const { info, subresource } = call.route;
  const dryRun = isDryRun(call.query);
  const existing = readObject(call, name);
  if (subresource === "scale") {
    const next = fromScale(existing, patcher(toScale(existing), body));
    recordUpdate(existing, next, fieldManager(call), "scale");
    return sendJson(call.res, 200, toScale(store.update(info.resource, next, { dryRun })));
  }
  const patched = patcher(existing, body);
  const obj = asResourceObject(call, patched);
  // Identity cannot be patched away: the patch addresses this object; a patched resourceVersion stays a precondition.
  obj.metadata.uid = existing.metadata.uid;
  obj.metadata.creationTimestamp = existing.metadata.creationTimestamp;
  recordUpdate(existing, obj, fieldManager(call), subresource);
  sendJson(
    call.res,
    200,
    store.update(info.resource, obj, { dryRun, ...(subresource === "status" ? { subresource } : {}) }),
  );
}

function apply(call: ResourceCall, name: string, body: unknown): void {
  const { store } = call.ctx;
  const { info, subresource } = call.route;
  const manager = call.query.get("fieldManager");
  if (!manager) {
    throw new HttpError(
      "Invalid",
      `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch`,
      {
        group: "meta.k8s.io",
        kind: "PatchOptions",
        causes: [
          {
            reason: "FieldValueRequired",
            message: "Required value: is required for apply patch",
            field: "fieldManager",
          },
        ],
      },
    );
  }
  if (!isRecord(body))
    throw new HttpError("BadRequest", "error decoding YAML: the applied configuration must be an object");
  if (subresource === "scale")
    throw new HttpError(
      "UnsupportedMediaType",
      "apply patches are not supported on the scale subresource of this simulator; use a merge patch",
    );
  if (typeof body.apiVersion !== "string" || body.apiVersion === "")
    throw new HttpError("BadRequest", "apiVersion must be set in the applied configuration");
  if (typeof body.kind !== "string" || body.kind === "")
    throw new HttpError("BadRequest", "kind must be set in the applied configuration");
  const applied = asResourceObject(call, body);
  const force = call.query.get("force") === "true";
  const dryRun = isDryRun(call.query);
  const live = store.get(info.resource, call.route.namespace, name);
  if (!live && subresource === "status") readObject(call, name); // throws the NotFound
  const result: KubeObject = serverSideApply(live, applied, {
    manager,
    force,
    apiVersion: apiVersionOf(info),
    ...(subresource === "status" ? { subresource } : {}),
  });
  if (!live) return sendJson(call.res, 201, store.create(info.resource, result, { dryRun }));
  sendJson(
    call.res,
    200,
    store.update(info.resource, result, { dryRun, ...(subresource === "status" ? { subresource } : {}) }),
  );
}
