// Public surface of the simulated Kubernetes API server.
export { createApiServer, type ApiServer, type ApiServerOptions } from "./create-api-server";
export { createClusterCertificates, type ClusterCertificates } from "./certificates";
export { ApiFaults, type OutageMode } from "./faults";
export { kubeconfigFor, type KubeconfigOptions } from "./kubeconfig";
export type { TokenGrant } from "./auth";
export type { LogEntry, PodLogSource } from "./handle-pod-log";
export type { ServiceProxyBackend } from "./service-proxy";
export { ObjectStore, type KubeObject } from "../store/object-store";
