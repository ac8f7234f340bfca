import { describe, expect, it } from "vitest";
import { ObjectStore, StoreError, type NewObject, type WatchEvent } from "./object-store";

const tick = () => new Promise((r) => setTimeout(r, 0));

function deployment(name: string, replicas = 1): NewObject & { spec: Record<string, unknown> } {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "ml", labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "server", image: "tern/serve:1" }] },
      },
    },
  };
}

function storeWithNamespace(opts?: { historyLimit?: number }): ObjectStore {
  const s = new ObjectStore(opts);
  s.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "ml" } });
  return s;
}

function caught(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error("expected a StoreError");
}

describe("ObjectStore", () => {
  it("creates with server-filled metadata and a global increasing resourceVersion", () => {
    const s = storeWithNamespace();
    const d = s.create("deployments", deployment("web"));
    expect(d.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.metadata.generation).toBe(1);
    expect(d.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(d.metadata.resourceVersion)).toBeGreaterThan(1);
    expect(s.currentResourceVersion()).toBe(d.metadata.resourceVersion);
    expect(d.spec?.strategy).toEqual({
      type: "RollingUpdate",
      rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" },
    });
    const p = s.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { generateName: "web-", namespace: "ml" },
      spec: { containers: [{ name: "c", image: "i" }] },
    });
    expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(p.status?.phase).toBe("Pending");
  });

  it("returns copies, so callers cannot change stored objects", () => {
    const s = storeWithNamespace();
    s.create("deployments", deployment("web"));
    const got = s.get("deployments", "ml", "web")!;
    got.metadata.labels = { hacked: "yes" };
    expect(s.get("deployments", "ml", "web")!.metadata.labels).toEqual({ app: "web" });
  });

  it("rejects duplicates, missing namespaces and invalid objects with Kubernetes messages", () => {
    const s = storeWithNamespace();
    s.create("deployments", deployment("web"));
    const dup = caught(() => s.create("deployments", deployment("web")));
    expect(dup.reason).toBe("AlreadyExists");
    expect(dup.message).toBe('deployments.apps "web" already exists');
    const ns = caught(() =>
      s.create("deployments", { ...deployment("x"), metadata: { name: "x", namespace: "nope" } }),
    );
    expect(ns.message).toBe('namespaces "nope" not found');
    const bad = deployment("Bad_Name", -1);
    (bad.spec.template as { metadata: { labels: Record<string, string> } }).metadata.labels = { app: "other" };
    const inv = caught(() => s.create("deployments", bad));
    expect(inv.reason).toBe("Invalid");
    expect(inv.causes?.map((c) => c.field)).toEqual([
      "metadata.name",
      "spec.replicas",
      "spec.template.metadata.labels",
    ]);
    expect(inv.message).toContain(
      'Deployment.apps "Bad_Name" is invalid: [metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain',
    );
  });

  it("enforces resourceVersion preconditions, bumps generation on spec changes and ignores status on the main resource", () => {
    const s = storeWithNamespace();
    const d = s.create("deployments", deployment("web"));
    const stale = structuredClone(d);
    const scaled = s.update("deployments", { ...d, spec: { ...d.spec, replicas: 3 }, status: { replicas: 99 } });
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.status).toEqual({});
    expect(caught(() => s.update("deployments", stale)).reason).toBe("Conflict");
    const st = s.update(
      "deployments",
      { ...scaled, spec: { ...scaled.spec, replicas: 7 }, status: { replicas: 3 } },
      { subresource: "status" },
    );
    expect(st.status).toEqual({ replicas: 3 });
    expect(st.spec?.replicas).toBe(3);
    expect(st.metadata.generation).toBe(2);
    const again = s.mutate("deployments", "ml", "web", () => undefined);
    expect(again.metadata.resourceVersion).toBe(st.metadata.resourceVersion);
  });

  it("lists with selectors and pages through with continue tokens", () => {
    const s = storeWithNamespace();
    for (const n of ["a", "b", "c", "d", "e"]) s.create("deployments", deployment(n));
    expect(s.list("deployments", { labelSelector: "app in (a,c)" }).items.map((d) => d.metadata.name)).toEqual([
      "a",
      "c",
    ]);
    expect(s.list("deployments", { fieldSelector: "metadata.name!=a", namespace: "ml" }).items).toHaveLength(4);
    const p1 = s.list("deployments", { limit: 2 });
    expect(p1.items.map((d) => d.metadata.name)).toEqual(["a", "b"]);
    expect(p1.remainingItemCount).toBe(3);
    const p2 = s.list("deployments", { limit: 2, continue: p1.continue });
    const p3 = s.list("deployments", { limit: 2, continue: p2.continue });
    expect([...p2.items, ...p3.items].map((d) => d.metadata.name)).toEqual(["c", "d", "e"]);
    expect(p3.continue).toBeUndefined();
  });

  it("garbage-collects dependents by ownerReferences unless orphaned", () => {
    const s = storeWithNamespace();
    const d = s.create("deployments", deployment("web"));
    const owner = { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true };
    const rs = s.create("replicasets", {
      ...deployment("web-1"),
      kind: "ReplicaSet",
      metadata: { name: "web-1", namespace: "ml", ownerReferences: [owner] },
    });
    const podOwner = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      name: "web-1",
      uid: rs.metadata.uid,
      controller: true,
    };
    s.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-1-a", namespace: "ml", ownerReferences: [podOwner] },
      spec: { containers: [{ name: "c", image: "i" }] },
    });
    s.delete("deployments", "ml", "web");
    expect(s.list("replicasets").items).toHaveLength(0);
    expect(s.list("pods").items).toHaveLength(0);

    const d2 = s.create("deployments", deployment("api"));
    s.create("replicasets", {
      ...deployment("api-1"),
      metadata: { name: "api-1", namespace: "ml", ownerReferences: [{ ...owner, name: "api", uid: d2.metadata.uid }] },
    });
    s.delete("deployments", "ml", "api", { propagationPolicy: "Orphan" });
    expect(s.get("replicasets", "ml", "api-1")!.metadata.ownerReferences).toBeUndefined();
  });

  it("holds objects with finalizers until the last one is removed", () => {
    const s = storeWithNamespace();
    s.create("deployments", {
      ...deployment("web"),
      metadata: { name: "web", namespace: "ml", finalizers: ["tern.dev/hold"] },
    });
    const marked = s.delete("deployments", "ml", "web");
    expect(marked.metadata.deletionTimestamp).toBeDefined();
    expect(s.get("deployments", "ml", "web")).toBeDefined();
    s.mutate("deployments", "ml", "web", (o) => (o.metadata.finalizers = []));
    expect(s.get("deployments", "ml", "web")).toBeUndefined();
  });

  it("deletes a namespace with everything in it", () => {
    const s = storeWithNamespace();
    s.create("deployments", deployment("web"));
    const ns = s.delete("namespaces", undefined, "ml");
    expect(ns.status?.phase).toBe("Terminating");
    expect(s.list("deployments").items).toHaveLength(0);
    expect(s.get("namespaces", undefined, "ml")).toBeUndefined();
  });

  it("watches: initial ADDED, live events, replay from a resourceVersion, selector transitions", async () => {
    const s = storeWithNamespace();
    s.create("deployments", deployment("web"));
    const seen: WatchEvent[] = [];
    const stop = s.watch("deployments", { namespace: "ml" }, (e) => seen.push(e));
    const from = s.currentResourceVersion();
    s.mutate("deployments", "ml", "web", (o) => (o.spec!.replicas = 2));
    s.delete("deployments", "ml", "web");
    await tick();
    expect(seen.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    stop();

    const replay: WatchEvent[] = [];
    s.watch("deployments", { resourceVersion: from }, (e) => replay.push(e))();
    const replay2: WatchEvent[] = [];
    const stop2 = s.watch("deployments", { resourceVersion: from }, (e) => replay2.push(e));
    await tick();
    expect(replay).toEqual([]); // unsubscribed before delivery
    expect(replay2.map((e) => e.type)).toEqual(["MODIFIED", "DELETED"]);
    stop2();

    s.create("deployments", deployment("api"));
    const sel: WatchEvent[] = [];
    s.watch("deployments", { labelSelector: "tier=gpu", resourceVersion: s.currentResourceVersion() }, (e) =>
      sel.push(e),
    );
    s.mutate("deployments", "ml", "api", (o) => (o.metadata.labels = { ...o.metadata.labels, tier: "gpu" }));
    s.mutate("deployments", "ml", "api", (o) => (o.metadata.labels = { app: "api" }));
    await tick();
    expect(sel.map((e) => e.type)).toEqual(["ADDED", "DELETED"]);
  });

  it("expires watches from a resourceVersion older than the history", () => {
    const s = storeWithNamespace({ historyLimit: 3 });
    for (const n of ["a", "b", "c", "d", "e"]) s.create("deployments", deployment(n));
    const e = caught(() => s.watch("deployments", { resourceVersion: "1" }, () => undefined));
    expect(e.reason).toBe("Expired");
    expect(e.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });

  it("keeps delivering when a watcher writes to the store from its callback", async () => {
    const s = storeWithNamespace();
    const seen: string[] = [];
    s.watch("deployments", {}, (e) => {
      seen.push(`${e.type}:${e.object.metadata.name}`);
      if (e.type === "ADDED" && e.object.metadata.name === "web") s.create("deployments", deployment("web2"));
    });
    s.create("deployments", deployment("web"));
    await tick();
    await tick();
    expect(seen).toEqual(["ADDED:web", "ADDED:web2"]);
  });
});
