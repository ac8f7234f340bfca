// Entry point: a ClusterDriver for one cluster's API, built from the stored API URL and decrypted credentials.
import { httpRouteClient } from "./http-routes";
import { createKubeClients } from "./kube-client";
import { listEvents, listKind, listNodes, listPods } from "./list-resources";
import { applyModelDeployment, deleteModelDeployment, getDeploymentStatus, scaleDeployment } from "./model-deployment";
import { readPodLogs } from "./read-pod-logs";
import { inferThroughServiceProxy } from "./service-proxy";
import { testConnection } from "./test-connection";
import type { ClusterDriver, ConnectOptions } from "./types";
import { watchKind } from "./watch-resource";

/**
 * Builds clients only; nothing is sent until a method is called. Methods reject with DriverError (plain-data
 * `toJSON()`, never credentials or response bodies); testConnection resolves with `{ ok: false, error }` instead.
 */
export function connectCluster(opts: ConnectOptions): ClusterDriver {
  const k = createKubeClients(opts);
  return {
    apiServer: k.apiServer,
    testConnection: () => testConnection(k),
    applyModelDeployment: (spec) => applyModelDeployment(k, spec),
    scale: (namespace, name, replicas) => scaleDeployment(k, namespace, name, replicas),
    deleteModelDeployment: (namespace, name, propagation) => deleteModelDeployment(k, namespace, name, propagation),
    getDeploymentStatus: (namespace, name) => getDeploymentStatus(k, namespace, name),
    listPods: (namespace, labelSelector) => listPods(k, namespace, labelSelector),
    listEvents: (namespace, involvedObjectName) => listEvents(k, namespace, involvedObjectName),
    readPodLogs: (namespace, pod, logOpts) => readPodLogs(k, namespace, pod, logOpts),
    listNodes: () => listNodes(k),
    list: (kind, listOpts) => listKind(k, kind, listOpts?.labelSelector),
    watch: (kind, watchOpts) => watchKind(k, kind, watchOpts),
    infer: (req) => inferThroughServiceProxy(k, req),
    httpRoutes: httpRouteClient(k),
  };
}
