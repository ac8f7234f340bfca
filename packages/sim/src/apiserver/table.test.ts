import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types";
import { humanDuration } from "./human-duration";
import { toTable, wantsTable } from "./table";

const meta = (name: string) => ({
  name,
  namespace: "ml",
  uid: "u",
  resourceVersion: "1",
  creationTimestamp: new Date(Date.now() - 90_000).toISOString(),
});

describe("server-side printing", () => {
  it("formats ages like kubectl", () => {
    expect(
      [5_000, 119_000, 150_000, 600_000, 3 * 3600_000 + 60_000, 50 * 3600_000, 400 * 86400_000].map(humanDuration),
    ).toEqual(["5s", "119s", "2m30s", "10m", "3h1m", "2d2h", "400d"]);
  });
  it("recognises kubectl's Accept header", () => {
    expect(wantsTable("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")).toBe(true);
    expect(wantsTable("application/json")).toBe(false);
  });
  it("shows pod status from container states, as kubectl does", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: meta("p"),
      spec: { containers: [{ name: "a" }, { name: "b" }], nodeName: "n1" },
      status: {
        phase: "Running",
        podIP: "10.0.0.5",
        containerStatuses: [
          { ready: true, restartCount: 2, state: { running: {} } },
          { ready: false, restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } } },
        ],
      },
    } as unknown as KubeObject;
    const t = toTable("pods", [pod], { include: "None" });
    expect(t.rows[0]!.cells).toEqual(["p", "1/2", "CrashLoopBackOff", 5, "90s", "10.0.0.5", "n1", "<none>", "<none>"]);
    expect(t.rows[0]).not.toHaveProperty("object");
  });
  it("prints services and events", () => {
    const svc = {
      metadata: meta("s"),
      spec: {
        type: "LoadBalancer",
        clusterIP: "10.96.0.9",
        ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }],
        selector: { app: "s" },
      },
      status: {},
    } as unknown as KubeObject;
    expect(toTable("services", [svc], { include: "None" }).rows[0]!.cells).toEqual([
      "s",
      "LoadBalancer",
      "10.96.0.9",
      "<pending>",
      "80:30080/TCP",
      "90s",
      "app=s",
    ]);
    const ev = {
      metadata: meta("e"),
      involvedObject: { kind: "Pod", name: "p" },
      type: "Warning",
      reason: "BackOff",
      message: "restarting",
      count: 4,
      firstTimestamp: new Date(Date.now() - 600_000).toISOString(),
      lastTimestamp: new Date(Date.now() - 60_000).toISOString(),
    } as unknown as KubeObject;
    expect(toTable("events", [ev], { include: "None" }).rows[0]!.cells.slice(0, 4)).toEqual([
      "60s (x4 over 10m)",
      "Warning",
      "BackOff",
      "pod/p",
    ]);
  });
});
