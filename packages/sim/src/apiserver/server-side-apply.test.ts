import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types";
import { dec, fromFieldsV1, getAt, printPath, toFieldsV1 } from "./field-set";
import { recordUpdate, trackedPaths } from "./managed-fields";
import { serverSideApply } from "./server-side-apply";
import { HttpError } from "./status-errors";

const base = (image = "s:1", extra: Record<string, unknown> = {}) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "ml", labels: { app: "web" } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: "server", image, ...extra }] } } },
});
const opts = (manager: string, force = false) => ({ manager, force, apiVersion: "apps/v1" });
const asLive = (o: KubeObject): KubeObject => ({
  ...o,
  metadata: { ...o.metadata, uid: "u", resourceVersion: "1", creationTimestamp: "t" },
});

describe("field sets", () => {
  it("tracks leaves with keyed list items and round-trips through fieldsV1", () => {
    const set = trackedPaths(base());
    const v1 = toFieldsV1(set);
    expect(v1).toEqual({
      "f:metadata": { "f:labels": { "f:app": {} } },
      "f:spec": {
        "f:replicas": {},
        "f:template": {
          "f:spec": { "f:containers": { 'k:{"name":"server"}': { ".": {}, "f:image": {}, "f:name": {} } } },
        },
      },
    });
    expect(fromFieldsV1(v1)).toEqual(set);
    const imagePath = [...set].map(dec).find((p) => p[p.length - 1] === "f:image")!;
    expect(printPath(imagePath)).toBe('.spec.template.spec.containers[name="server"].image');
    expect(getAt(base(), imagePath)).toBe("s:1");
  });
});

describe("serverSideApply", () => {
  it("lets managers share a field with equal values and conflicts on different ones", () => {
    const live = asLive(serverSideApply(undefined, base(), opts("a")));
    const shared = serverSideApply(live, base(), opts("b"));
    expect(shared.metadata.managedFields?.map((m) => (m as { manager: string }).manager)).toEqual(["a", "b"]);
    try {
      serverSideApply(asLive(shared), base("s:2"), opts("b"));
      throw new Error("expected a conflict");
    } catch (e) {
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).message).toBe(
        'Apply failed with 1 conflict: conflict with "a": .spec.template.spec.containers[name="server"].image',
      );
    }
  });

  it("lists several conflicts grouped by manager", () => {
    const live = asLive(serverSideApply(undefined, base(), opts("a")));
    const changed = base("s:2");
    changed.spec.replicas = 9;
    expect(() => serverSideApply(live, changed, opts("b"))).toThrow(
      'Apply failed with 2 conflicts: conflicts with "a":\n- .spec.replicas\n- .spec.template.spec.containers[name="server"].image',
    );
  });

  it("force moves ownership; an Update takes changed fields from the applier", () => {
    const live = asLive(serverSideApply(undefined, base(), opts("a")));
    const forced = serverSideApply(live, base("s:2"), opts("b", true));
    const entries = forced.metadata.managedFields as { manager: string; fieldsV1: unknown }[];
    expect(JSON.stringify(entries.find((e) => e.manager === "a")!.fieldsV1)).not.toContain("f:image");
    const next = structuredClone(forced);
    (next.spec as { replicas: number }).replicas = 5;
    recordUpdate(forced, next, "kubectl-scale");
    const updater = (next.metadata.managedFields as { manager: string; operation: string; fieldsV1: unknown }[]).find(
      (e) => e.manager === "kubectl-scale",
    )!;
    expect(updater.operation).toBe("Update");
    expect(updater.fieldsV1).toEqual({ "f:spec": { "f:replicas": {} } });
  });

  it("removes fields a manager stops applying when no one else owns them", () => {
    const live = asLive(serverSideApply(undefined, base("s:1", { command: ["serve"] }), opts("a")));
    const out = serverSideApply(live, base(), opts("a")) as ReturnType<typeof base> & KubeObject;
    expect(out.spec.template.spec.containers[0]).toEqual({ name: "server", image: "s:1" });
  });
});
