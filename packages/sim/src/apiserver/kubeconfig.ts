// Builds a kubeconfig (YAML) for a simulated cluster: server URL, its CA, a bearer token.
import { stringify } from "yaml";

export interface KubeconfigOptions {
  clusterName: string;
  server: string;
  /** PEM of the cluster CA; omitted for plain-HTTP test servers (then TLS verification is moot). */
  caCert?: string;
  token: string;
  user?: string;
  namespace?: string;
}

export function kubeconfigFor(o: KubeconfigOptions): string {
  const user = o.user ?? `${o.clusterName}-user`;
  const cluster: Record<string, unknown> = { server: o.server };
  if (o.caCert) cluster["certificate-authority-data"] = Buffer.from(o.caCert).toString("base64");
  else if (o.server.startsWith("http://")) cluster["insecure-skip-tls-verify"] = true; // client-node needs it for http://
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: o.clusterName, cluster }],
    users: [{ name: user, user: { token: o.token } }],
    contexts: [
      {
        name: o.clusterName,
        context: { cluster: o.clusterName, user, ...(o.namespace ? { namespace: o.namespace } : {}) },
      },
    ],
    "current-context": o.clusterName,
    preferences: {},
  });
}
