// The cluster driver's public surface: plain data in and out; @kubernetes/client-node stays behind it.
export { connectCluster } from "./connect-cluster";
export { connectStoredCluster, type StoredCluster } from "./connect-stored-cluster";
export { DriverError, toDriverError, type DriverErrorData, type DriverErrorKind } from "./driver-error";
export { gpuCapacity } from "./gpu-capacity";
export { MANAGED_BY, MANAGED_BY_LABEL, MODEL_CONTAINER, MODEL_LABEL, MODEL_VERSION_LABEL } from "./manifests";
export { DEPLOYMENT_ID_LABEL, GPU_PRODUCT_LABEL, GPU_RESOURCE } from "./summarize";
export { settle, type Settled } from "./settle";
export type * from "./types";
