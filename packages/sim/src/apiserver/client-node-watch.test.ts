// Conformance through @kubernetes/client-node: Watch with resourceVersion, bookmarks, initial ADDED and 410 Expired.
import { makeInformer, Watch, type V1Deployment } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploy, startClientCluster, type ClientCluster } from "./client-fixture";

let c: ClientCluster;
beforeAll(async () => {
  c = await startClientCluster({ bookmarkIntervalMs: 150, historyLimit: 200 });
});
afterAll(() => c.cluster.close());

describe("watch", () => {
  it("streams events from a resourceVersion with bookmarks", async () => {
    const list = await c.apps.listNamespacedDeployment({ namespace: "default" });
    const events: { type: string; name?: string; rv?: string }[] = [];
    const done = new Promise<unknown>((resolve) => {
      void new Watch(c.kc).watch(
        "/apis/apps/v1/namespaces/default/deployments",
        { resourceVersion: list.metadata!.resourceVersion!, allowWatchBookmarks: true, timeoutSeconds: 1 },
        (type: string, obj: V1Deployment) =>
          events.push({ type, name: obj.metadata?.name, rv: obj.metadata?.resourceVersion }),
        resolve,
      );
    });
    await new Promise((r) => setTimeout(r, 50));
    await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("watched") });
    await c.apps.deleteNamespacedDeployment({ namespace: "default", name: "watched" });
    expect(await done).toBeNull(); // timeoutSeconds ends the stream cleanly
    expect(events.filter((e) => e.type !== "BOOKMARK").map((e) => `${e.type}:${e.name}`)).toEqual([
      "ADDED:watched",
      "DELETED:watched",
    ]);
    const bookmarks = events.filter((e) => e.type === "BOOKMARK");
    expect(bookmarks.length).toBeGreaterThan(2);
    expect(Number(bookmarks[bookmarks.length - 1]!.rv)).toBeGreaterThanOrEqual(Number(list.metadata!.resourceVersion));
  });

  it("sends current objects as ADDED without a resourceVersion, and 410 Expired as an ERROR event for a compacted one", async () => {
    const added: string[] = [];
    const ctrl = await new Watch(c.kc).watch(
      "/api/v1/nodes",
      {},
      (type: string, obj: { metadata?: { name?: string } }) => added.push(`${type}:${obj.metadata?.name}`),
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 100));
    ctrl.abort();
    expect(added).toEqual(["ADDED:gpu-a100-1"]);

    for (let i = 0; i < 210; i++)
      c.cluster.store.mutate("namespaces", undefined, "kube-system", (n) => (n.metadata.labels = { i: String(i) }));
    const errors: { type: string; obj: { kind?: string; code?: number; reason?: string; message?: string } }[] = [];
    await new Promise<unknown>((resolve) => {
      void new Watch(c.kc).watch(
        "/api/v1/namespaces",
        { resourceVersion: "1" },
        (type: string, obj: (typeof errors)[number]["obj"]) => errors.push({ type, obj }),
        resolve,
      );
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.type).toBe("ERROR");
    expect(errors[0]!.obj).toMatchObject({ kind: "Status", code: 410, reason: "Expired" });
    expect(errors[0]!.obj.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });

  it("drives a client-node informer (list, then watch with bookmarks; re-lists after a dropped watch)", async () => {
    const seen: string[] = [];
    const informer = makeInformer<V1Deployment>(c.kc, "/apis/apps/v1/namespaces/default/deployments", () =>
      c.apps.listNamespacedDeployment({ namespace: "default" }),
    );
    informer.on("add", (d) => seen.push(`add:${d.metadata?.name}`));
    informer.on("update", (d) => seen.push(`update:${d.metadata?.name}:${d.spec?.replicas}`));
    informer.on("delete", (d) => seen.push(`delete:${d.metadata?.name}`));
    informer.on("error", () => setTimeout(() => void informer.start(), 50)); // what a driver does: restart
    await informer.start();
    await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("informed") });
    const until = async (want: string) => {
      for (let i = 0; i < 100 && !seen.includes(want); i++) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toContain(want);
    };
    await until("add:informed");
    c.cluster.server.faults.dropWatches("end");
    c.cluster.store.mutate("deployments", "default", "informed", (d) => (d.spec!.replicas = 4));
    await until("update:informed:4");
    await c.apps.deleteNamespacedDeployment({ namespace: "default", name: "informed" });
    await until("delete:informed");
    expect(informer.get("informed", "default")).toBeUndefined();
    await informer.stop();
  });
});
