// What every resource handler receives, and the request checks they share (dryRun, field manager, body identity).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ObjectStore } from "../store/object-store";
import { apiVersionOf } from "../store/resources";
import type { KubeObject } from "../store/types";
import type { User } from "./auth";
import type { ApiFaults } from "./faults";
import type { PodLogSource } from "./handle-pod-log";
import { dropUnknownFields } from "./known-fields";
import { isRecord } from "./respond";
import type { ResourceRoute } from "./router";
import type { ServiceProxyBackend } from "./service-proxy";
import { HttpError } from "./status-errors";

export interface ServerContext {
  store: ObjectStore;
  faults: ApiFaults;
  bookmarkIntervalMs: number;
  /** Where services/proxy requests go; without it every Service has no endpoints. */
  serviceProxy?: ServiceProxyBackend;
  /** Container output for pods/log (the kubelets'); without it a running pod's log is empty. */
  podLogs?: PodLogSource;
}

export interface ResourceCall {
  req: IncomingMessage;
  res: ServerResponse;
  route: ResourceRoute;
  query: URLSearchParams;
  user: User;
  ctx: ServerContext;
}

export function isDryRun(query: URLSearchParams): boolean {
  const values = query.getAll("dryRun");
  for (const v of values)
    if (v !== "All")
      throw new HttpError("BadRequest", `Invalid dryRun value: ${JSON.stringify(v)}; supported values: "All"`);
  return values.length > 0;
}

/** The field manager: `fieldManager` if given, else the User-Agent's product name (what the apiserver defaults to). */
export function fieldManager(call: ResourceCall): string {
  const explicit = call.query.get("fieldManager");
  if (explicit) {
    if (explicit.length > 128)
      throw new HttpError("BadRequest", `fieldManager: Too long: may not be more than 128 bytes`);
    return explicit;
  }
  const ua = call.req.headers["user-agent"] ?? "";
  return ua.split("/")[0] ?? "";
}

/** Checks the body is an object of this resource's kind, fills namespace from the URL, and returns it typed. */
export function asResourceObject(call: ResourceCall, body: unknown): KubeObject {
  const { info, namespace, name } = call.route;
  if (!isRecord(body)) throw new HttpError("BadRequest", "the object provided is unrecognized (must be a JSON object)");
  const apiVersion = apiVersionOf(info);
  if (body.apiVersion !== undefined && body.apiVersion !== apiVersion) {
    throw new HttpError(
      "BadRequest",
      `the API version in the data (${JSON.stringify(body.apiVersion)}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (body.kind !== undefined && body.kind !== info.kind) {
    throw new HttpError(
      "BadRequest",
      `${JSON.stringify(body.kind)} in version "${info.version}" cannot be handled as a ${info.kind}: the object kind does not match the resource`,
    );
  }
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  if (info.namespaced) {
    if (metadata.namespace === undefined || metadata.namespace === "") metadata.namespace = namespace;
    else if (metadata.namespace !== namespace)
      throw new HttpError(
        "BadRequest",
        "the namespace of the provided object does not match the namespace sent on the request",
      );
  }
  if (name !== undefined && metadata.name !== undefined && metadata.name !== name) {
    throw new HttpError(
      "BadRequest",
      `the name of the object (${JSON.stringify(metadata.name)}) does not match the name on the URL (${name})`,
    );
  }
  if (name !== undefined && metadata.name === undefined) metadata.name = name;
  checkFields(call, body);
  return { ...body, apiVersion, kind: info.kind, metadata } as unknown as KubeObject;
}

export function requireName(call: ResourceCall): string {
  if (call.route.name === undefined)
    throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  return call.route.name;
}

/**
 * Decoding drops fields the type does not have. `fieldValidation=Strict` (what kubectl sends) makes that a 400;
 * Warn (the default) reports them in Warning headers; Ignore says nothing.
 */
function checkFields(call: ResourceCall, body: Record<string, unknown>): void {
  const mode = call.query.get("fieldValidation") ?? "Warn";
  if (!["Strict", "Warn", "Ignore"].includes(mode)) {
    throw new HttpError(
      "BadRequest",
      `fieldValidation: Unsupported value: "${mode}": supported values: "Ignore", "Strict", "Warn"`,
    );
  }
  const unknown = dropUnknownFields(call.route.info.resource, body);
  if (unknown.length === 0 || mode === "Ignore") return;
  const what = unknown.map((f) => `unknown field ${JSON.stringify(f)}`);
  if (mode === "Strict") {
    const { kind, version } = call.route.info;
    throw new HttpError(
      "BadRequest",
      `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${what.join(", ")}`,
    );
  }
  call.res.setHeader(
    "Warning",
    what.map((w) => `299 - ${JSON.stringify(w)}`),
  );
}
