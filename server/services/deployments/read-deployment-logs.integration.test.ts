// deployment.logs end to end: tRPC caller → service → stored (encrypted) cluster credentials → driver → simulated
// API server's pods/log. Only this team's deployment's own pods can be read; cluster failures come back as data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import { encryptClusterCredentials, getEncryptionKey } from "../../crypto/credentials";
import { PodLogBook } from "@tern/sim/fleet";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";
import { createTestDb, type TestDb } from "../../test/test-db";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
let sim: SimTestCluster;
const book = new PodLogBook();

function addPod(name: string, labels: Record<string, string>, ready: boolean, lines: string[]) {
  const uid = sim.store.create("pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "models", labels },
    spec: { nodeName: "node-1", containers: [{ name: "model-server", image: "ghcr.io/tern/onnx-server:1.30" }] },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      containerStatuses: [{ name: "model-server", ready, restartCount: 0, state: { running: {} } }],
    },
  }).metadata.uid;
  book.start(uid, "model-server");
  for (const l of lines) book.write(uid, "model-server", l);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
}

beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "alpha");
  b = await createTeamFixture(db.prisma, "beta");
  sim = await startSimTestCluster({ podLogs: book });
  sim.store.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "models" } });
  const credentials = { token: sim.token, certificateAuthorityData: sim.ca };
  await db.prisma.cluster.update({
    where: { id: a.clusterId },
    data: {
      apiServer: sim.url,
      credentialsCipher: encryptClusterCredentials(credentials, getEncryptionKey(), a.clusterId),
    },
  });
  const mine = { "tern.dev/deployment-id": a.deploymentId };
  addPod("d-alpha-1", mine, false, ["INFO  starting"]);
  addPod("d-alpha-2", mine, true, ["INFO  one", "INFO  two", "INFO  three"]);
  addPod("someone-elses", { app: "other" }, true, ["INFO  secret business"]);
});
afterAll(async () => {
  await sim?.close();
  await db?.close();
});

describe("deployment.logs", () => {
  it("gives a viewer the tail of the first ready pod, and lists the deployment's pods", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    const out = await viewer.deployment.logs({ id: a.deploymentId, tailLines: 2 });
    expect(out).toMatchObject({
      pod: "d-alpha-2",
      container: "model-server",
      lines: ["INFO  two", "INFO  three"],
      error: null,
    });
    expect(out.pods.map((p) => p.name)).toEqual(["d-alpha-2", "d-alpha-1"]);
    const other = await viewer.deployment.logs({ id: a.deploymentId, pod: "d-alpha-1" });
    expect(other.lines).toEqual(["INFO  starting"]);
  });

  it("refuses pods that are not this deployment's, and other teams' deployments", async () => {
    const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
    expect(await codeOf(viewer.deployment.logs({ id: a.deploymentId, pod: "someone-elses" }))).toBe("NOT_FOUND");
    for (const role of ["VIEWER", "ADMIN"] as const) {
      const outsider = await callerAs(db.prisma, b.users[role], b.teamId);
      expect(await codeOf(outsider.deployment.logs({ id: a.deploymentId })), role).toBe("NOT_FOUND");
      // Even naming team alpha in the team header: b's users are not its members.
      const asAlpha = await callerAs(db.prisma, b.users[role], a.teamId);
      expect(await codeOf(asAlpha.deployment.logs({ id: a.deploymentId })), role).toBe("NOT_FOUND");
    }
  });

  it("reports an unreachable cluster as data, without credentials", async () => {
    sim.server.faults.outageMode = "unavailable";
    sim.server.faults.outage = true;
    try {
      const viewer = await callerAs(db.prisma, a.users.VIEWER, a.teamId);
      const out = await viewer.deployment.logs({ id: a.deploymentId });
      expect(out.lines).toEqual([]);
      expect(out.error?.kind).toBe("server_error");
      expect(JSON.stringify(out)).not.toContain(sim.token);
    } finally {
      sim.server.faults.outage = false;
    }
  });
});
