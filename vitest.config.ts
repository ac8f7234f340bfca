// Unit and integration tests sit beside the code (x.test.ts, x.integration.test.ts).
// Two groups: most files run two at a time (each file is mostly imports and I/O waits, and vitest's default on a
// 2-core machine is one worker); then the files that run the simulated fleet, real Prometheus/Alertmanager
// processes or measure time run one at a time, so a neighbour's CPU cannot push their latency past a threshold.
import { defineConfig } from "vitest/config";
import path from "node:path";

const EXCLUDE = ["node_modules/**", "e2e/**", ".next/**", ".tern*/**"];

/** Files that start the fleet or Prometheus/Alertmanager, spawn processes, or assert on timing. */
const ONE_AT_A_TIME = [
  "cli/tern-cli.integration.test.ts",
  "packages/sim/src/fleet/start-fleet.test.ts",
  "packages/sim/src/fleet/hpa-controller.test.ts",
  "prisma/migrate.integration.test.ts",
  "server/alerts/slo-alert-flow.integration.test.ts",
  "server/dev-tools/local-prometheus/prometheus-process.test.ts",
  "server/migrations/**/*.integration.test.ts",
  "server/migrations/fleet-interfaces.test.ts",
  "server/migrations/traffic/gateway-api-on-fleet.test.ts",
  "server/migrations/artifacts/s3-artifact-transfer.test.ts",
  "server/optimizer/drain-yielding.test.ts",
  "server/optimizer/placement-solver.test.ts",
  "server/services/failover/failover-on-outage.integration.test.ts",
  "server/services/metrics/*prometheus*.integration.test.ts",
  "server/services/metrics/recorded-latency.integration.test.ts",
  "server/test/scale-out.replicas.integration.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    env: { TERN_ENCRYPTION_KEY: "0000000000000000000000000000000000000000000000000000000000000001" },
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "parallel",
          include: ["**/*.test.ts"],
          exclude: [...EXCLUDE, ...ONE_AT_A_TIME],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "one-at-a-time", include: ONE_AT_A_TIME, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
