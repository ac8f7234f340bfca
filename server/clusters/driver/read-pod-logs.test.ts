// readPodLogs through the real client-node CoreV1Api.readNamespacedPodLog against the simulated API server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PodLogBook } from "@tern/sim/fleet";
import { DriverError } from "./driver-error";
import { startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import type { ClusterDriver } from "./types";

let sim: SimTestCluster;
let driver: ClusterDriver;
const book = new PodLogBook();

function addPod(name: string, containers: string[], state: Record<string, unknown> = { running: {} }) {
  return sim.store.create("pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels: { app: "web" } },
    spec: {
      nodeName: "node-1",
      containers: containers.map((c) => ({ name: c, image: "ghcr.io/tern/onnx-server:1.30" })),
    },
    status: {
      phase: "Running",
      containerStatuses: containers.map((c) => ({ name: c, state, ready: true, restartCount: 0 })),
    },
  }).metadata.uid;
}

beforeAll(async () => {
  sim = await startSimTestCluster({ podLogs: book });
  driver = sim.driver();
  const uid = addPod("web-1", ["server"]);
  book.start(uid, "server");
  for (let i = 1; i <= 300; i++) book.write(uid, "server", `INFO  line ${i}`);
  book.write(uid, "server", "ERROR crashed");
  book.exit(uid, "server");
  book.start(uid, "server");
  book.write(uid, "server", "INFO  restarted");
  const two = addPod("web-2", ["server", "sidecar"]);
  book.start(two, "server");
  book.write(two, "server", "INFO  main");
  book.start(two, "sidecar");
  book.write(two, "sidecar", "INFO  side");
  addPod("web-3", ["server"], { waiting: { reason: "ContainerCreating" } });
});
afterAll(() => sim.close());

describe("readPodLogs", () => {
  it("returns the tail of the current instance, 200 lines by default, and the previous one on request", async () => {
    expect(await driver.readPodLogs("default", "web-1", { tailLines: 3 })).toEqual({
      lines: ["INFO  restarted"],
      truncated: false,
    });
    const prev = await driver.readPodLogs("default", "web-1", { previous: true });
    expect(prev.lines).toHaveLength(200);
    expect(prev.lines.at(-1)).toBe("ERROR crashed");
    expect(prev.lines[0]).toBe("INFO  line 102");
    const stamped = await driver.readPodLogs("default", "web-1", { timestamps: true });
    expect(stamped.lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}restarted$/);
  });

  it("reads a named container and caps bytes", async () => {
    expect((await driver.readPodLogs("default", "web-2", { container: "sidecar" })).lines).toEqual(["INFO  side"]);
    expect(await driver.readPodLogs("default", "web-1", { previous: true, limitBytes: 10 })).toEqual({
      lines: ["INFO  line"],
      truncated: true,
    });
  });

  it("says in Tern's words why a pod has no output, and NotFound for a missing pod", async () => {
    const fail = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(DriverError);
      return (e as DriverError).toJSON();
    };
    expect(await fail(driver.readPodLogs("default", "nope"))).toMatchObject({
      kind: "not_found",
      message: "pod nope not found in namespace default",
    });
    expect(await fail(driver.readPodLogs("default", "web-3"))).toMatchObject({
      kind: "invalid",
      message:
        "the container of pod web-3 in namespace default has not started yet (ContainerCreating); its output appears once it runs",
    });
    expect(await fail(driver.readPodLogs("default", "web-2"))).toMatchObject({
      kind: "invalid",
      message: "pod web-2 in namespace default has several containers; choose one",
    });
    expect(await fail(driver.readPodLogs("default", "web-2", { container: "x" }))).toMatchObject({ kind: "not_found" });
    expect(await fail(driver.readPodLogs("default", "web-2", { container: "server", previous: true }))).toMatchObject({
      kind: "invalid",
    });
    const denied = await fail(sim.driver({ token: "wrong" }).readPodLogs("default", "web-1"));
    expect(denied.kind).toBe("unauthorized");
    expect(JSON.stringify(denied)).not.toContain(sim.token);
  });
});
