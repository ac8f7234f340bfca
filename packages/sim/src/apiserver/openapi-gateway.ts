// OpenAPI v3 schemas of gateway.networking.k8s.io/v1 HTTPRoute, trimmed from the Gateway API CRD (v1.2) to the
// fields the simulator serves, so `kubectl explain httproute.spec.rules.backendRefs` and `kubectl apply` work.
type Json = Record<string, unknown>;

const META = "io.k8s.apimachinery.pkg.apis.meta.v1";
const PREFIX = "io.k8s.networking.gateway.v1";
const GVK = (kind: string) => [{ group: "gateway.networking.k8s.io", version: "v1", kind }];

export const gatewaySchemaName = (kind: string): string => `${PREFIX}.${kind}`;

const ref = (name: string, description?: string): Json => ({
  allOf: [{ $ref: `#/components/schemas/${name}` }],
  ...(description ? { description } : {}),
});
const str = (description: string): Json => ({ type: "string", description });
const int = (description: string): Json => ({ type: "integer", format: "int32", description });
const arr = (items: Json, description: string): Json => ({ type: "array", items, description });
const obj = (description: string, properties: Json, required: string[] = []): Json => ({
  type: "object",
  description,
  properties,
  ...(required.length ? { required } : {}),
});

const parentRef = obj(
  "ParentReference identifies an API object (usually a Gateway) that can be considered a parent of this resource.",
  {
    group: str("Group is the group of the referent (default gateway.networking.k8s.io)."),
    kind: str("Kind is kind of the referent (default Gateway)."),
    namespace: str("Namespace is the namespace of the referent (default: the route's namespace)."),
    name: str("Name is the name of the referent."),
    sectionName: str("SectionName is the name of a section within the target resource (a Gateway listener)."),
    port: int("Port is the network port this Route targets."),
  },
  ["name"],
);

const backendRef = obj(
  "HTTPBackendRef defines how a HTTPRoute forwards a HTTP request. A Service, or a multicluster.x-k8s.io ServiceImport for backends in other clusters.",
  {
    group: str('Group is the group of the referent ("" for core Services, multicluster.x-k8s.io for ServiceImport).'),
    kind: str("Kind is the Kubernetes resource kind of the referent (default Service)."),
    name: str("Name is the name of the referent."),
    namespace: str(
      "Namespace is the namespace of the backend (default: the route's namespace; another needs a ReferenceGrant).",
    ),
    port: int("Port specifies the destination port number to use for this resource."),
    weight: int(
      "Weight specifies the proportion of requests forwarded to the referenced backend: weight / sum of all weights in this rule. 0 sends none. Default 1.",
    ),
    filters: arr(
      { type: "object", "x-kubernetes-preserve-unknown-fields": true },
      "Filters applied to requests to this backend.",
    ),
  },
  ["name"],
);

const condition = ref(`${META}.Condition`);

export function gatewaySchemas(): Record<string, Json> {
  return {
    [`${PREFIX}.HTTPRoute`]: {
      description:
        "HTTPRoute provides a way to route HTTP requests. This includes the capability to match requests by hostname, path, header, or query param. Filters can be used to specify additional processing steps. Backends specify where matching requests should be routed.",
      type: "object",
      required: ["spec"],
      properties: {
        apiVersion: str("APIVersion defines the versioned schema of this representation of an object."),
        kind: str("Kind is a string value representing the REST resource this object represents."),
        metadata: ref(`${META}.ObjectMeta`, "Standard object's metadata."),
        spec: ref(`${PREFIX}.HTTPRouteSpec`, "Spec defines the desired state of HTTPRoute."),
        status: ref(`${PREFIX}.HTTPRouteStatus`, "Status defines the current state of HTTPRoute."),
      },
      "x-kubernetes-group-version-kind": GVK("HTTPRoute"),
    },
    [`${PREFIX}.HTTPRouteList`]: {
      description: "HTTPRouteList is a list of HTTPRoute",
      type: "object",
      required: ["items"],
      properties: {
        apiVersion: str("APIVersion defines the versioned schema of this representation of an object."),
        items: arr(ref(`${PREFIX}.HTTPRoute`), "List of httproutes."),
        kind: str("Kind is a string value representing the REST resource this object represents."),
        metadata: ref(`${META}.ListMeta`, "Standard list metadata."),
      },
      "x-kubernetes-group-version-kind": GVK("HTTPRouteList"),
    },
    [`${PREFIX}.HTTPRouteSpec`]: obj("Spec defines the desired state of HTTPRoute.", {
      parentRefs: arr(
        parentRef,
        "ParentRefs references the resources (usually Gateways) that a Route wants to be attached to.",
      ),
      hostnames: arr(
        { type: "string" },
        "Hostnames defines a set of hostnames that should match against the HTTP Host header.",
      ),
      rules: arr(
        obj(
          "HTTPRouteRule defines semantics for matching an HTTP request based on conditions (matches), processing it (filters), and forwarding the request to an API object (backendRefs).",
          {
            name: str("Name is the name of the route rule."),
            matches: arr(
              { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              "Matches define conditions used for matching the rule against incoming HTTP requests.",
            ),
            filters: arr(
              { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              "Filters define the filters that are applied to requests that match this rule.",
            ),
            backendRefs: arr(backendRef, "BackendRefs defines the backend(s) where matching requests should be sent."),
            timeouts: {
              type: "object",
              "x-kubernetes-preserve-unknown-fields": true,
              description: "Timeouts defines the timeouts that can be configured for an HTTP request.",
            },
          },
        ),
        "Rules are a list of HTTP matchers, filters and actions.",
      ),
    }),
    [`${PREFIX}.HTTPRouteStatus`]: obj("Status defines the current state of HTTPRoute.", {
      parents: arr(
        obj(
          "RouteParentStatus describes the status of a route with respect to an associated Parent.",
          {
            parentRef: parentRef,
            controllerName: str(
              "ControllerName is a domain/path string that indicates the name of the controller that wrote this status.",
            ),
            conditions: arr(
              condition,
              "Conditions describes the status of the route with respect to the Gateway: Accepted, ResolvedRefs, each with an observedGeneration.",
            ),
          },
          ["parentRef", "controllerName"],
        ),
        "Parents is a list of parent resources (usually Gateways) that are associated with the route, and the status of the route with respect to each parent.",
      ),
    }),
  };
}
