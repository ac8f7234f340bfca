import { describe, expect, it } from "vitest";
import { jsonPatch } from "./json-patch";
import { mergePatch } from "./merge-patch";
import { HttpError } from "./status-errors";
import { strategicMergePatch } from "./strategic-merge-patch";

const pod = () => ({
  metadata: { labels: { app: "web", tier: "gpu" }, finalizers: ["a"] },
  spec: {
    containers: [
      { name: "server", image: "s:1", env: [{ name: "A", value: "1" }], ports: [{ containerPort: 8080 }] },
      { name: "sidecar", image: "c:1" },
    ],
    tolerations: [{ key: "gpu" }],
  },
});

describe("merge patch (RFC 7386)", () => {
  it("merges maps, deletes with null and replaces lists", () => {
    const out = mergePatch(pod(), {
      metadata: { labels: { tier: null, x: "y" } },
      spec: { containers: [{ name: "only" }] },
    });
    expect(out).toMatchObject({
      metadata: { labels: { app: "web", x: "y" } },
      spec: { containers: [{ name: "only" }] },
    });
  });
});

describe("JSON patch (RFC 6902)", () => {
  it("adds, replaces, removes, moves, copies and tests", () => {
    const out = jsonPatch(pod(), [
      { op: "replace", path: "/spec/containers/0/image", value: "s:2" },
      { op: "add", path: "/spec/containers/-", value: { name: "third", image: "t" } },
      { op: "remove", path: "/spec/containers/1" },
      { op: "copy", from: "/metadata/labels/app", path: "/metadata/labels/copied" },
      { op: "move", from: "/metadata/labels/tier", path: "/metadata/labels/moved" },
      { op: "add", path: "/metadata/labels/a~1b", value: "slash" },
      { op: "test", path: "/spec/containers/1/name", value: "third" },
    ]) as ReturnType<typeof pod>;
    expect(out.spec.containers.map((c) => c.name)).toEqual(["server", "third"]);
    expect(out.metadata.labels).toEqual({ app: "web", copied: "web", moved: "gpu", "a/b": "slash" });
  });
  it("fails with 422 when a path is missing or a test fails, and leaves the input untouched", () => {
    const input = pod();
    expect(() => jsonPatch(input, [{ op: "remove", path: "/spec/nothing" }])).toThrow(HttpError);
    expect(() => jsonPatch(input, [{ op: "test", path: "/metadata/labels/app", value: "x" }])).toThrow(/test failed/);
    expect(input).toEqual(pod());
  });
});

describe("strategic merge patch", () => {
  it("merges containers by name and env by name, keeping unmentioned fields", () => {
    const out = strategicMergePatch(pod(), {
      spec: { containers: [{ name: "server", image: "s:2", env: [{ name: "B", value: "2" }] }] },
    }) as ReturnType<typeof pod>;
    const server = out.spec.containers[0]!;
    expect(server.image).toBe("s:2");
    expect(server.env?.map((e) => e.name)).toEqual(["A", "B"]);
    expect(server.ports).toEqual([{ containerPort: 8080 }]);
    expect(out.spec.containers[1]!.name).toBe("sidecar");
    expect(out.spec.tolerations).toEqual([{ key: "gpu" }]);
  });
  it("honours $patch delete/replace, $setElementOrder, $retainKeys and $deleteFromPrimitiveList", () => {
    const out = strategicMergePatch(pod(), {
      metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] },
      spec: {
        "$setElementOrder/containers": [{ name: "sidecar" }, { name: "server" }],
        containers: [
          { name: "server", $patch: "delete" },
          { name: "sidecar", image: "c:2" },
          { name: "new", image: "n" },
        ],
        tolerations: [{ $patch: "replace" }, { key: "cpu" }],
      },
    }) as ReturnType<typeof pod>;
    expect(out.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["sidecar=c:2", "new=n"]);
    expect(out.spec.tolerations).toEqual([{ key: "cpu" }]);
    expect(out.metadata.finalizers).toEqual([]);
    const retained = strategicMergePatch(
      { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } },
      { strategy: { $retainKeys: ["type"], type: "Recreate" } },
    );
    expect(retained).toEqual({ strategy: { type: "Recreate" } });
  });
});
