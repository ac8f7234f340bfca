// Gives every Service its endpoint on the cluster's data plane, as a cloud's load balancer controller
// would: annotation sim.tern.dev/url, and for type LoadBalancer an ingress IP of 127.0.0.1.
import type { ObjectStore } from "../store/object-store";
import { asObj } from "./k8s-objects";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";
import type { SimClock } from "./sim-clock";

export const SERVICE_URL_ANNOTATION = "sim.tern.dev/url";

export function startServiceController(store: ObjectStore, clock: SimClock, dataUrl: () => string): ReconcileLoop {
  return startReconcileLoop({
    name: "service-controller",
    store,
    clock,
    watch: ["services"],
    resyncMs: 10_000,
    reconcile() {
      for (const svc of store.list("services").items) {
        const { namespace, name } = svc.metadata;
        const url = `${dataUrl()}/namespaces/${namespace}/services/${name}`;
        if (svc.metadata.annotations?.[SERVICE_URL_ANNOTATION] !== url) {
          store.mutate(
            "services",
            namespace,
            name,
            (s) => (s.metadata.annotations = { ...s.metadata.annotations, [SERVICE_URL_ANNOTATION]: url }),
          );
        }
        const lb = asObj(asObj(svc.status)?.loadBalancer);
        if (svc.spec?.type === "LoadBalancer" && !Array.isArray(lb?.ingress)) {
          store.mutate(
            "services",
            namespace,
            name,
            (s) => (s.status = { ...s.status, loadBalancer: { ingress: [{ ip: "127.0.0.1", ipMode: "VIP" }] } }),
            { subresource: "status" },
          );
        }
      }
    },
  });
}
