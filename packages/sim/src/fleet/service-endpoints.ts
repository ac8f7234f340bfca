// A cluster's ready model servers as the API server's services/proxy sees them (the Endpoints of a Service's
// selector), counted in the serving metrics like any other request a pod answers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServiceProxyBackend } from "../apiserver/service-proxy";
import type { ServingMetrics } from "../metrics/serving-metrics";
import type { ServingRegistry } from "./serving";

const INFER = /^\/v2\/models\/([^/]+)(?:\/versions\/[^/]+)?\/infer$/;

export function serviceEndpoints(serving: ServingRegistry, metrics: ServingMetrics): ServiceProxyBackend {
  return {
    endpoints: (namespace, selector) =>
      serving
        .select(
          namespace,
          Object.entries(selector).map(([key, v]) => ({ key, op: "in" as const, values: [v] })),
        )
        .map((ep) => (req: IncomingMessage, res: ServerResponse) => {
          const path = new URL(req.url ?? "/", "http://pod").pathname;
          const infer = req.method === "POST" ? INFER.exec(path) : null;
          if (infer) {
            const started = performance.now();
            res.once("finish", () =>
              metrics.record({
                namespace,
                deployment: ep.deployment ?? "",
                model: ep.model?.name ?? decodeURIComponent(infer[1]!),
                modelVersion: ep.model?.version ?? "",
                pod: ep.pod,
                statusCode: res.statusCode,
                seconds: (performance.now() - started) / 1000,
              }),
            );
          }
          ep.handle(req, res);
        }),
  };
}
