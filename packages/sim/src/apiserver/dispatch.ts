// Turns one authenticated HTTP request into a handler call: non-resource paths first, then verb + authorization.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, authorize, requireUser, type TokenGrant, type Verb } from "./auth";
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from "./discovery";
import { handleGet, handleList } from "./handle-read";
import { handlePatch } from "./handle-patch";
import { handlePodLog } from "./handle-pod-log";
import { handleWatch } from "./handle-watch";
import { handleCreate, handleDelete, handleDeleteCollection, handleReplace } from "./handle-write";
import { openApiV3, openApiV3Root } from "./openapi";
import type { ResourceCall, ServerContext } from "./request-context";
import { sendJson, sendText } from "./respond";
import { route, type ResourceRoute } from "./router";
import { handleServiceProxy, serviceProxyRoute } from "./service-proxy";
import { HttpError, unknownPath } from "./status-errors";

function verbOf(method: string, r: ResourceRoute, q: URLSearchParams): Verb {
  const watch = r.watchPath || q.get("watch") === "true" || q.get("watch") === "1";
  switch (method) {
    case "GET":
      return watch ? "watch" : r.name !== undefined ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return r.name !== undefined ? "delete" : "deletecollection";
    default:
      throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  }
}

const HANDLERS: Record<Verb, (call: ResourceCall) => void | Promise<void>> = {
  get: (c) => handleGet(c, c.route.name!),
  list: handleList,
  watch: handleWatch,
  create: handleCreate,
  update: handleReplace,
  patch: handlePatch,
  delete: handleDelete,
  deletecollection: handleDeleteCollection,
};

/** A document asked for by its current hash never changes, so the real server lets clients keep it. */
function sendOpenApi(res: ServerResponse, doc: { text: string; hash: string }, hash: string | null): void {
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(doc.text),
    "Cache-Control": hash === doc.hash ? "public, immutable" : "no-cache, private",
    ETag: `"${doc.hash}"`,
  });
  res.end(doc.text);
}

export async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ServerContext,
  tokens: TokenGrant[],
): Promise<void> {
  const url = new URL(req.url ?? "/", "https://sim.invalid");
  const r = route(url.pathname);
  const user = authenticate(req.headers, tokens); // a wrong token is a 401 everywhere, even on public paths
  const method = req.method ?? "GET";
  // Health and version are public (system:public-info-viewer); everything else needs a user.
  if (r.type === "health") return sendText(res, 200, "ok");
  if (r.type === "version") return sendJson(res, 200, versionInfo());
  requireUser(user);
  const proxy = serviceProxyRoute(url.pathname);
  if (proxy)
    return handleServiceProxy({
      req,
      res,
      route: proxy,
      search: url.search,
      user: user!,
      store: ctx.store,
      backend: ctx.serviceProxy,
    });
  if (r.type !== "resource" && method !== "GET")
    throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
  switch (r.type) {
    case "api":
      return sendJson(
        res,
        200,
        apiVersions(req.socket.localAddress ? `${req.socket.localAddress}:${req.socket.localPort}` : "127.0.0.1"),
      );
    case "apis":
      return sendJson(res, 200, apiGroupList());
    case "group":
      return sendJson(res, 200, apiGroup(r.group));
    case "groupVersion":
      return sendJson(res, 200, apiResourceList(r.group));
    case "openapiRoot":
      return sendJson(res, 200, openApiV3Root());
    case "openapiGroupVersion":
      return sendOpenApi(res, openApiV3(r.group), url.searchParams.get("hash"));
    case "openapiV2":
      // kubectl asks v2 for protobuf only as a fallback; a 404 makes it use its compiled-in schemas instead.
      throw unknownPath();
    case "unknown":
      throw unknownPath();
    case "resource": {
      const call: ResourceCall = { req, res, route: r, query: url.searchParams, user: user!, ctx };
      if (r.subresource === "log") {
        if (method !== "GET" || r.name === undefined)
          throw new HttpError("MethodNotAllowed", "the server does not allow this method on the requested resource");
        authorize(user!, "get", r);
        return handlePodLog(call);
      }
      const verb = verbOf(method, r, url.searchParams);
      authorize(user!, verb, r);
      return HANDLERS[verb](call);
    }
  }
}
