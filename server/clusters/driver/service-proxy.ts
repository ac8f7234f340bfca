// OIP requests to a model server through the API server's services/proxy subresource, as `kubectl proxy` users
// do: no ingress or network path to the pods is needed. client-node 2.0's connectPostNamespacedServiceProxyWithPath
// sends no body, so the POST goes out with the same TLS and credentials the client uses (applyToHTTPSOptions).
import http from "node:http";
import https from "node:https";
import { DriverError, toDriverError } from "./driver-error";
import type { KubeClients } from "./kube-client";
import { parseStatus } from "./parse-status";
import type { ServiceInferRequest, ServiceInferResponse } from "./types";

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

function isApiStatus(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { kind?: unknown }).kind === "Status" &&
    (body as { apiVersion?: unknown }).apiVersion === "v1"
  );
}

export async function inferThroughServiceProxy(
  k: KubeClients,
  req: ServiceInferRequest,
): Promise<ServiceInferResponse> {
  const { namespace, service } = req;
  const seg = encodeURIComponent;
  const url = new URL(
    `${k.apiServer}/api/v1/namespaces/${seg(namespace)}/services/${seg(`${service}:${req.port}`)}/proxy/v2/models/${seg(req.modelName)}/infer`,
  );
  const payload = Buffer.from(JSON.stringify(req.request));
  const timeoutMs = req.timeoutMs ?? k.timeoutMs;
  const ctx = { apiServer: k.apiServer, timeoutMs, resource: "service", name: service, namespace, verb: "create" };
  const opts: https.RequestOptions = {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "content-length": payload.length },
  };
  try {
    await k.kubeConfig.applyToHTTPSOptions(opts);
  } catch (e) {
    throw toDriverError(e, ctx);
  }
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const lib = url.protocol === "http:" ? http : https;
    const r = lib.request(url, { ...opts, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES)
          return res.destroy(new Error(`the response is larger than ${MAX_RESPONSE_BYTES} bytes`));
        chunks.push(c);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    r.on("error", reject);
    r.end(payload);
  }).catch((e: unknown) => {
    throw toDriverError(e, ctx);
  });
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: hand the text over
  }
  // A Status is the API server speaking (the pod never saw the request); anything else is the model server's answer.
  if (status >= 300 && isApiStatus(body)) {
    const st = parseStatus(body);
    if (
      status === 503 &&
      st?.reason === "ServiceUnavailable" &&
      /^no (endpoints available|service port)/.test(st.message ?? "")
    )
      throw new DriverError({
        kind: "server_error",
        status,
        reason: "ServiceUnavailable",
        message: /^no service port/.test(st.message ?? "")
          ? `service ${service} in namespace ${namespace} has no port ${req.port}`
          : `service ${service} in namespace ${namespace} has no ready endpoints (no model server is ready yet)`,
      });
    throw toDriverError({ code: status, body: text }, ctx);
  }
  return { status, body };
}
