// setTraffic changes only the migration's own backends, so concurrent migrations of one model (and the model's
// deployments elsewhere) keep their weights.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import type { TrafficBackend, TrafficRouter } from "../../migrations/traffic/traffic-router";
import { createMigrationPorts } from "./migration-ports";

function fakeRouter(initial: TrafficBackend[]): TrafficRouter & { table: TrafficBackend[] } {
  const r = {
    table: initial,
    async getWeights() {
      await new Promise((res) => setTimeout(res, 5));
      return r.table.map((b) => ({ ...b }));
    },
    async setWeights(_model: string, backends: TrafficBackend[]) {
      await new Promise((res) => setTimeout(res, 5));
      r.table = backends.map((b) => ({ ...b }));
      return r.table;
    },
  };
  return r;
}

const ref = (clusterName: string, name: string) => ({ clusterId: clusterName, clusterName, namespace: "models", name });
const sorted = (t: TrafficBackend[]) =>
  [...t].sort((a, b) => `${a.cluster}/${a.deployment}`.localeCompare(`${b.cluster}/${b.deployment}`));

describe("setTraffic", () => {
  it("keeps the model's other backends and lets concurrent migrations of one model add theirs", async () => {
    const router = fakeRouter([{ cluster: "aws", namespace: "models", deployment: "credit-risk", weight: 100 }]);
    const ports = createMigrationPorts({ prisma: {} as PrismaClient, router, trafficLock: (_model, fn) => fn() });
    const shift = (src: string, tgt: string) =>
      ports.setTraffic({
        teamId: "t",
        modelName: "credit-risk",
        backends: [
          { ...ref("aws", src), weight: 50 },
          { ...ref("onprem", tgt), weight: 50 },
        ],
        owned: [ref("aws", src), ref("onprem", tgt)],
      });
    await Promise.all([shift("a", "a"), shift("b", "b")]);
    expect(sorted(router.table)).toEqual([
      { cluster: "aws", namespace: "models", deployment: "a", weight: 50 },
      { cluster: "aws", namespace: "models", deployment: "b", weight: 50 },
      { cluster: "aws", namespace: "models", deployment: "credit-risk", weight: 100 },
      { cluster: "onprem", namespace: "models", deployment: "a", weight: 50 },
      { cluster: "onprem", namespace: "models", deployment: "b", weight: 50 },
    ]);
    // Draining a: its source leaves the table, b's backends and the original stay.
    await ports.setTraffic({
      teamId: "t",
      modelName: "credit-risk",
      backends: [{ ...ref("onprem", "a"), weight: 100 }],
      owned: [ref("aws", "a"), ref("onprem", "a")],
    });
    expect(sorted(router.table).map((b) => `${b.cluster}/${b.deployment}=${b.weight}`)).toEqual([
      "aws/b=50",
      "aws/credit-risk=100",
      "onprem/a=100",
      "onprem/b=50",
    ]);
  });
});
