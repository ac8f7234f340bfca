// Tables for Gateway API routes, after the HTTPRoute CRD's additionalPrinterColumns (Hostnames, Age).
import { AGE, age, col, NAME, o, type ResourceTable } from "./table-cells";

export const GATEWAY_TABLES: Record<"httproutes", ResourceTable> = {
  httproutes: {
    columns: [NAME, col("Hostnames", "Hostnames the route matches."), AGE],
    cells: (r) => {
      const hosts = o(r.spec).hostnames;
      return [r.metadata.name, Array.isArray(hosts) && hosts.length ? hosts.join(",") : "", age(r)];
    },
  },
};
