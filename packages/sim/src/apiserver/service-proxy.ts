// The services/proxy subresource, as kube-apiserver serves it:
//   /api/v1/namespaces/{ns}/services/[{scheme}:]{name}[:{port}]/proxy/{path}
// The port is a Service port's name or number; the request goes to one ready endpoint of the Service's
// selector, with the client's Authorization stripped. No endpoints (or no such port) → 503 ServiceUnavailable.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { User, Verb } from "./auth";
import type { ObjectStore } from "../store/object-store";
import { HttpError } from "./status-errors";

/** Serves one HTTP request on a ready pod (the simulated endpoints of a Service). */
export type ProxyEndpoint = (req: IncomingMessage, res: ServerResponse) => void;

export interface ServiceProxyBackend {
  /** Ready endpoints of the pods matching `selector` in `namespace` (what the Endpoints object would list). */
  endpoints(namespace: string, selector: Record<string, string>): ProxyEndpoint[];
}

export interface ServiceProxyRoute {
  namespace: string;
  /** The raw `{scheme}:{name}:{port}` segment, as error messages quote it. */
  id: string;
  name: string;
  port: string;
  /** Everything after `/proxy`, starting with "/"; decoded first (client-node sends %2F), as Go's URL.Path is. */
  path: string;
}

const PROXY = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/;

export function serviceProxyRoute(pathname: string): ServiceProxyRoute | undefined {
  const m = PROXY.exec(pathname);
  if (!m) return undefined;
  const id = decodeURIComponent(m[2]!);
  const parts = id.split(":");
  // SplitSchemeNamePort: name | name:port | scheme:name:port (scheme http or https).
  const [name, port] = parts.length === 3 ? [parts[1]!, parts[2]!] : [parts[0]!, parts[1] ?? ""];
  if (parts.length > 3 || (parts.length === 3 && !/^https?$/.test(parts[0]!)) || !name)
    throw new HttpError("BadRequest", `invalid service request "${id}"`);
  return { namespace: decodeURIComponent(m[1]!), id, name, port, path: encodeURI(decodeURIComponent(m[3] ?? "/")) };
}

const VERB: Record<string, Verb> = {
  GET: "get",
  HEAD: "get",
  POST: "create",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete",
};
const turns = new WeakMap<ObjectStore, Map<string, number>>();

export function handleServiceProxy(o: {
  req: IncomingMessage;
  res: ServerResponse;
  route: ServiceProxyRoute;
  search: string;
  user: User;
  store: ObjectStore;
  backend: ServiceProxyBackend | undefined;
}): void {
  const { route: r, store } = o;
  const verb = VERB[o.req.method ?? "GET"];
  if (!verb) throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  // The built-in view role has no services/proxy: a read-only user may not reach pods through the API.
  if (o.user.allowed !== "all")
    throw new HttpError(
      "Forbidden",
      `services "${r.name}" is forbidden: User "${o.user.name}" cannot ${verb} resource "services/proxy" in API group "" in the namespace "${r.namespace}"`,
      { name: r.name, kind: "services" },
    );
  const svc = store.get("services", r.namespace, r.name);
  if (!svc) throw new HttpError("NotFound", `services "${r.name}" not found`, { name: r.name, kind: "services" });
  const spec = (svc.spec ?? {}) as { selector?: Record<string, string>; ports?: { name?: string; port?: number }[] };
  let portName = r.port;
  if (/^\d+$/.test(r.port)) {
    const found = (spec.ports ?? []).find((p) => p.port === Number(r.port));
    if (!found) throw new HttpError("ServiceUnavailable", `no service port ${r.port} found for service "${r.name}"`);
    portName = found.name ?? "";
  }
  const hasPort = (spec.ports ?? []).some((p) => (p.name ?? "") === portName);
  const eps = hasPort && spec.selector && o.backend ? o.backend.endpoints(r.namespace, spec.selector) : [];
  if (eps.length === 0) throw new HttpError("ServiceUnavailable", `no endpoints available for service "${r.id}"`);
  let turn = turns.get(store);
  if (!turn) turns.set(store, (turn = new Map<string, number>()));
  const k = `${r.namespace}/${r.name}`;
  const i = (turn.get(k) ?? 0) % eps.length;
  turn.set(k, i + 1);
  delete o.req.headers.authorization;
  o.req.url = r.path + o.search;
  eps[i]!(o.req, o.res);
}
