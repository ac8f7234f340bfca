// Column definitions and cells per resource, after kubernetes/pkg/printers/internalversion/printers.go.
import type { ResourceName } from "../store/types";
import { AUTOSCALING_TABLES } from "./table-autoscaling";
import type { ResourceTable } from "./table-cells";
import { CLUSTER_TABLES } from "./table-cluster";
import { GATEWAY_TABLES } from "./table-gateway";
import { WORKLOAD_TABLES } from "./table-workloads";

export type { ColumnDefinition } from "./table-cells";

export const TABLES: Record<ResourceName, ResourceTable> = {
  ...WORKLOAD_TABLES,
  ...CLUSTER_TABLES,
  ...AUTOSCALING_TABLES,
  ...GATEWAY_TABLES,
};
