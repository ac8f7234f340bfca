// OpenAPI v3 documents per group-version: paths plus the full schemas (for `kubectl explain`). kubectl (create -f /
// apply -f, validate=strict by default) looks for a PATCH operation tagged with the object's
// x-kubernetes-group-version-kind that takes a `fieldValidation` query parameter; finding one, it leaves validation
// to the server.
import { createHash } from "node:crypto";
import {
  API_GROUPS,
  GATEWAY_GROUP,
  GROUP_VERSION,
  RESOURCE_NAMES,
  RESOURCES,
  type ApiGroup,
  type ResourceInfo,
} from "../store/resources";
import { gatewaySchemas, gatewaySchemaName } from "./openapi-gateway";
import { definitionName, modelSchemas, ref } from "./openapi-models";

type Json = Record<string, unknown>;

const META = "io.k8s.apimachinery.pkg.apis.meta.v1";
/** client-node's class for a kind: `V1Deployment`, and `CoreV1Event` for the core Event (events.k8s.io has its own). */
const modelClass = (info: ResourceInfo, kind = info.kind) =>
  info.group === "" && kind.startsWith("Event") ? `CoreV1${kind}` : `${info.version.toUpperCase()}${kind}`;
/** The operationId prefix kube-openapi derives from the group: `CoreV1`, `AppsV1`, `AutoscalingV2`, `GatewayNetworkingV1`. */
const opPrefix = (info: ResourceInfo) =>
  info.group === GATEWAY_GROUP
    ? "GatewayNetworkingV1"
    : `${info.group ? info.group[0]!.toUpperCase() + info.group.slice(1) : "Core"}${info.version.toUpperCase()}`;

const schemaName = (info: ResourceInfo, kind = info.kind) =>
  info.group === GATEWAY_GROUP ? gatewaySchemaName(kind) : definitionName(modelClass(info, kind));
const gvk = (info: ResourceInfo) => ({ group: info.group, version: info.version, kind: info.kind });

const query = (name: string, type: "string" | "boolean" = "string") => ({
  name,
  in: "query",
  schema: { type, uniqueItems: true },
});
const pathParam = (name: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string", uniqueItems: true },
});
const WRITE_PARAMS = [query("dryRun"), query("fieldManager"), query("fieldValidation")];
const LIST_PARAMS = [
  "allowWatchBookmarks",
  "continue",
  "fieldSelector",
  "labelSelector",
  "limit",
  "resourceVersion",
  "resourceVersionMatch",
  "sendInitialEvents",
  "timeoutSeconds",
  "watch",
].map((n) => query(n));

const json = (schema: Json) => ({ "application/json": { schema }, "application/yaml": { schema } });
const ok = (schema: Json) => ({
  "200": { description: "OK", content: json(schema) },
  "401": { description: "Unauthorized" },
});
const body = (schema: Json) => ({ content: { "*/*": { schema } }, required: true });

/**
 * Strategic merge patch is served but deliberately not advertised: kubectl then builds client-side-apply patches
 * from its compiled-in type metadata (merge keys, $setElementOrder), which these schema-less documents do not carry.
 */
const PATCH_BODY = {
  content: Object.fromEntries(
    ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"].map((t) => [
      t,
      { schema: ref(`${META}.Patch`) },
    ]),
  ),
  required: true,
};

function op(action: string, id: string, ext: Json, extra: Json): Json {
  return { operationId: id, "x-kubernetes-action": action, "x-kubernetes-group-version-kind": ext, ...extra };
}

function pathsFor(info: ResourceInfo): Record<string, Json> {
  const prefix = info.group ? `/apis/${info.group}/${info.version}` : "/api/v1";
  const nsPart = info.namespaced ? "/namespaces/{namespace}" : "";
  const scopeParams = info.namespaced ? [pathParam("namespace")] : [];
  const Id = `${opPrefix(info)}${info.namespaced ? "Namespaced" : ""}${info.kind}`;
  const obj = ref(schemaName(info));
  const ext = gvk(info);
  const paths: Record<string, Json> = {
    [`${prefix}${nsPart}/${info.resource}`]: {
      parameters: scopeParams,
      get: op("list", `list${Id}`, ext, {
        parameters: LIST_PARAMS,
        responses: ok(ref(schemaName(info, `${info.kind}List`))),
      }),
      post: op("post", `create${Id}`, ext, { parameters: WRITE_PARAMS, requestBody: body(obj), responses: ok(obj) }),
    },
    [`${prefix}${nsPart}/${info.resource}/{name}`]: {
      parameters: [pathParam("name"), ...scopeParams],
      get: op("get", `read${Id}`, ext, { responses: ok(obj) }),
      put: op("put", `replace${Id}`, ext, { parameters: WRITE_PARAMS, requestBody: body(obj), responses: ok(obj) }),
      patch: op("patch", `patch${Id}`, ext, {
        parameters: [...WRITE_PARAMS, query("force", "boolean")],
        requestBody: PATCH_BODY,
        responses: ok(obj),
      }),
      delete: op("delete", `delete${Id}`, ext, {
        parameters: [query("dryRun"), query("propagationPolicy")],
        responses: ok(ref(`${META}.Status`)),
      }),
    },
  };
  if (info.namespaced) {
    paths[`${prefix}/${info.resource}`] = {
      get: op("list", `list${opPrefix(info)}${info.kind}ForAllNamespaces`, ext, {
        parameters: LIST_PARAMS,
        responses: ok(ref(schemaName(info, `${info.kind}List`))),
      }),
    };
  }
  for (const sub of info.subresources) {
    const isScale = sub === "scale";
    const subExt = isScale ? { group: "autoscaling", version: "v1", kind: "Scale" } : ext;
    const subObj = isScale ? ref("io.k8s.api.autoscaling.v1.Scale") : obj;
    const SubId = `${Id}${isScale ? "Scale" : "Status"}`;
    paths[`${prefix}${nsPart}/${info.resource}/{name}/${sub}`] = {
      parameters: [pathParam("name"), ...scopeParams],
      get: op("get", `read${SubId}`, subExt, { responses: ok(subObj) }),
      put: op("put", `replace${SubId}`, subExt, {
        parameters: WRITE_PARAMS,
        requestBody: body(subObj),
        responses: ok(subObj),
      }),
      patch: op("patch", `patch${SubId}`, subExt, {
        parameters: [...WRITE_PARAMS, query("force", "boolean")],
        requestBody: PATCH_BODY,
        responses: ok(subObj),
      }),
    };
  }
  if (info.resource === "pods") paths[`${prefix}${nsPart}/pods/{name}/log`] = podLogPath(scopeParams);
  return paths;
}

const podLogPath = (scopeParams: Json[]): Json => ({
  parameters: [pathParam("name"), ...scopeParams],
  get: op(
    "get",
    "readCoreV1NamespacedPodLog",
    { group: "", version: "v1", kind: "Pod" },
    {
      description: "read log of the specified Pod",
      parameters: [
        query("container"),
        query("follow", "boolean"),
        query("insecureSkipTLSVerifyBackend", "boolean"),
        { ...query("limitBytes"), schema: { type: "integer", uniqueItems: true } },
        query("previous", "boolean"),
        { ...query("sinceSeconds"), schema: { type: "integer", uniqueItems: true } },
        query("sinceTime"),
        { ...query("tailLines"), schema: { type: "integer", uniqueItems: true } },
        query("timestamps", "boolean"),
      ],
      responses: {
        "200": { description: "OK", content: { "text/plain": { schema: { type: "string" } } } },
        "401": { description: "Unauthorized" },
      },
    },
  ),
});

function componentSchemas(infos: ResourceInfo[]): Record<string, Json> {
  const gvks = new Map<string, { group: string; version: string; kind: string }>();
  for (const info of infos) {
    gvks.set(modelClass(info), gvk(info));
    gvks.set(modelClass(info, `${info.kind}List`), { ...gvk(info), kind: `${info.kind}List` });
  }
  const status = { group: "", version: "v1", kind: "Status" };
  gvks.set("V1Status", status);
  const roots = [...gvks.keys()];
  // Gateway API kinds are CRDs (no client-node model): their own schemas refer to these meta types.
  if (infos.some((i) => i.group === GATEWAY_GROUP)) roots.push("V1ObjectMeta", "V1ListMeta", "V1Condition");
  if (infos.some((i) => i.subresources.includes("scale"))) {
    roots.push("V1Scale");
    gvks.set("V1Scale", { group: "autoscaling", version: "v1", kind: "Scale" });
  }
  return {
    ...modelSchemas(roots, gvks),
    ...(infos.some((i) => i.group === GATEWAY_GROUP) ? gatewaySchemas() : {}),
    [`${META}.Patch`]: {
      description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
      type: "object",
    },
  };
}

interface Serialized {
  doc: Json;
  text: string;
  hash: string;
}
const cache = new Map<string, Serialized>();

/** The documents never change while the process runs, so they are built, serialized and hashed once. */
export function openApiV3(group: ApiGroup): Serialized {
  let entry = cache.get(group);
  if (!entry) {
    const doc = buildDocument(group);
    const text = JSON.stringify(doc);
    // As the real server puts in serverRelativeURL, so clients can cache by it.
    const hash = createHash("sha512").update(text).digest("hex").slice(0, 128).toUpperCase();
    cache.set(group, (entry = { doc, text, hash }));
  }
  return entry;
}

export const openApiV3Document = (group: ApiGroup): Json => openApiV3(group).doc;

function buildDocument(group: ApiGroup): Json {
  const infos = RESOURCE_NAMES.map((r) => RESOURCES[r]).filter((i) => i.group === group);
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.0+tern-sim" },
    paths: Object.assign({}, ...infos.map(pathsFor)) as Json,
    components: {
      schemas: componentSchemas(infos),
      securitySchemes: {
        BearerToken: {
          type: "apiKey",
          description: "Bearer Token authentication",
          name: "authorization",
          in: "header",
        },
      },
    },
  };
}

export function openApiV3Root(): Json {
  return {
    paths: {
      "api/v1": { serverRelativeURL: `/openapi/v3/api/v1?hash=${openApiV3("").hash}` },
      ...Object.fromEntries(
        API_GROUPS.filter((g) => g !== "").map((g) => [
          `apis/${g}/${GROUP_VERSION[g]}`,
          { serverRelativeURL: `/openapi/v3/apis/${g}/${GROUP_VERSION[g]}?hash=${openApiV3(g).hash}` },
        ]),
      ),
    },
  };
}
