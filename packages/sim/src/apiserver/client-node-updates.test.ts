// Conformance through @kubernetes/client-node: replace conflicts, patches, subresources, server-side apply, deletion.
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploy, failure, startClientCluster, type ClientCluster } from "./client-fixture";

let c: ClientCluster;
beforeAll(async () => {
  c = await startClientCluster();
});
afterAll(() => c.cluster.close());

describe("updates", () => {
  it("rejects a replace with a stale resourceVersion (409 Conflict)", async () => {
    const d = await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("replace-me") });
    d.spec!.replicas = 3;
    const replaced = await c.apps.replaceNamespacedDeployment({ namespace: "default", name: "replace-me", body: d });
    expect(replaced.metadata?.generation).toBe(2);
    const stale = await failure(
      c.apps.replaceNamespacedDeployment({ namespace: "default", name: "replace-me", body: d }),
    );
    expect(stale.code).toBe(409);
    expect(stale.body).toMatchObject({
      reason: "Conflict",
      message:
        'Operation cannot be fulfilled on deployments.apps "replace-me": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: "replace-me", group: "apps", kind: "deployments" },
    });
  });

  it("applies JSON patch (the client default), merge patch and strategic merge patch", async () => {
    await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("patch-me") });
    const j = await c.apps.patchNamespacedDeployment({
      namespace: "default",
      name: "patch-me",
      body: [{ op: "replace", path: "/spec/replicas", value: 4 }],
    });
    expect(j.spec?.replicas).toBe(4);
    const mergeOpts = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
    const m = await c.apps.patchNamespacedDeployment(
      {
        namespace: "default",
        name: "patch-me",
        body: { metadata: { labels: { tier: "gpu" } }, spec: { replicas: 5 } },
      },
      mergeOpts,
    );
    expect(m.metadata?.labels).toEqual({ app: "patch-me", tier: "gpu" });
    const smpOpts = setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch);
    const s = await c.apps.patchNamespacedDeployment(
      {
        namespace: "default",
        name: "patch-me",
        body: { spec: { template: { spec: { containers: [{ name: "server", image: "tern/serve:2" }] } } } },
      },
      smpOpts,
    );
    const container = s.spec?.template.spec?.containers[0];
    expect(container?.image).toBe("tern/serve:2");
    expect(container?.ports?.[0]?.containerPort).toBe(8080); // merged by name, not replaced
    const bad = await failure(
      c.apps.patchNamespacedDeployment({
        namespace: "default",
        name: "patch-me",
        body: [{ op: "test", path: "/spec/replicas", value: 1 }],
      }),
    );
    expect(bad.code).toBe(422);
  });

  it("serves the status and scale subresources", async () => {
    await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("sub-me", { replicas: 2 }) });
    const d = await c.apps.readNamespacedDeployment({ namespace: "default", name: "sub-me" });
    d.status = { replicas: 2, readyReplicas: 1, observedGeneration: 1 };
    d.spec!.replicas = 9; // ignored by a status write
    const st = await c.apps.replaceNamespacedDeploymentStatus({ namespace: "default", name: "sub-me", body: d });
    expect(st.status?.readyReplicas).toBe(1);
    expect(st.spec?.replicas).toBe(2);
    const scale = await c.apps.readNamespacedDeploymentScale({ namespace: "default", name: "sub-me" });
    expect(scale).toMatchObject({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      spec: { replicas: 2 },
      status: { replicas: 2, selector: "app=sub-me" },
    });
    const scaled = await c.apps.patchNamespacedDeploymentScale(
      { namespace: "default", name: "sub-me", body: { spec: { replicas: 6 } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    expect(scaled.spec?.replicas).toBe(6);
    expect((await c.apps.readNamespacedDeployment({ namespace: "default", name: "sub-me" })).spec?.replicas).toBe(6);
  });
});

describe("server-side apply", () => {
  it("creates, records managedFields, reports conflicts with the other manager and takes fields with force", async () => {
    const spec = deploy("ssa-me", { replicas: 2 });
    const created = await c.objects.patch(spec, undefined, undefined, "tern", false, PatchStrategy.ServerSideApply);
    expect(created.metadata?.managedFields?.[0]).toMatchObject({
      manager: "tern",
      operation: "Apply",
      fieldsType: "FieldsV1",
    });
    expect(JSON.stringify(created.metadata?.managedFields?.[0]?.fieldsV1)).toContain('"f:replicas"');

    const other = deploy("ssa-me", { replicas: 5 });
    const conflict = await failure(
      c.objects.patch(other, undefined, undefined, "autoscaler", false, PatchStrategy.ServerSideApply),
    );
    expect(conflict).toEqual({
      code: 409,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        reason: "Conflict",
        code: 409,
        message: 'Apply failed with 1 conflict: conflict with "tern": .spec.replicas',
        details: {
          causes: [{ reason: "FieldManagerConflict", message: 'conflict with "tern"', field: ".spec.replicas" }],
        },
      },
    });
    const forced = await c.objects.patch(
      other,
      undefined,
      undefined,
      "autoscaler",
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(forced.spec?.replicas).toBe(5);
    const managers = forced.metadata?.managedFields?.map((m) => m.manager);
    expect(managers).toEqual(["tern", "autoscaler"]);

    // The same manager dropping a field it alone owned removes it from the object.
    const noLabel = deploy("ssa-me", { replicas: 5 });
    noLabel.metadata!.labels = { app: "ssa-me", tier: "gpu" };
    await c.objects.patch(noLabel, undefined, undefined, "tern", true, PatchStrategy.ServerSideApply);
    const dropped = await c.objects.patch(
      deploy("ssa-me", { replicas: 5 }),
      undefined,
      undefined,
      "tern",
      false,
      PatchStrategy.ServerSideApply,
    );
    expect(dropped.metadata?.labels).toEqual({ app: "ssa-me" });
  });

  it("reports a kubectl scale (an Update) as the conflicting manager with its API version", async () => {
    await c.objects.patch(
      deploy("ssa-scale", { replicas: 1 }),
      undefined,
      undefined,
      "tern",
      false,
      PatchStrategy.ServerSideApply,
    );
    await c.apps.patchNamespacedDeployment(
      { namespace: "default", name: "ssa-scale", fieldManager: "kubectl-scale", body: { spec: { replicas: 3 } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    const conflict = await failure(
      c.objects.patch(
        deploy("ssa-scale", { replicas: 1 }),
        undefined,
        undefined,
        "tern",
        false,
        PatchStrategy.ServerSideApply,
      ),
    );
    expect(conflict.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1: .spec.replicas',
    );
  });
});

describe("delete with propagation", () => {
  async function family(name: string) {
    const d = await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy(name) });
    const rs = c.cluster.store.create("replicasets", {
      metadata: {
        name: `${name}-1`,
        namespace: "default",
        labels: { app: name },
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "Deployment",
            name,
            uid: d.metadata!.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: deploy(name).spec as unknown as Record<string, unknown>,
    });
    c.cluster.store.create("pods", {
      metadata: {
        name: `${name}-1-x`,
        namespace: "default",
        labels: { app: name },
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "ReplicaSet", name: `${name}-1`, uid: rs.metadata.uid, controller: true },
        ],
      },
      spec: { containers: [{ name: "c", image: "i" }] },
    });
  }

  it("Background removes dependents; Orphan keeps them without the owner reference", async () => {
    await family("gc-bg");
    const status = await c.apps.deleteNamespacedDeployment({ namespace: "default", name: "gc-bg" });
    expect(status).toMatchObject({
      kind: "Status",
      status: "Success",
      details: { name: "gc-bg", group: "apps", kind: "deployments" },
    });
    expect(c.cluster.store.get("replicasets", "default", "gc-bg-1")).toBeUndefined();
    expect(c.cluster.store.get("pods", "default", "gc-bg-1-x")).toBeUndefined();

    await family("gc-orphan");
    await c.apps.deleteNamespacedDeployment({ namespace: "default", name: "gc-orphan", propagationPolicy: "Orphan" });
    expect(c.cluster.store.get("replicasets", "default", "gc-orphan-1")?.metadata.ownerReferences).toBeUndefined();
    expect(c.cluster.store.get("pods", "default", "gc-orphan-1-x")).toBeDefined();

    await family("gc-fg");
    await c.apps.deleteNamespacedDeployment({
      namespace: "default",
      name: "gc-fg",
      body: { propagationPolicy: "Foreground" },
    });
    expect(c.cluster.store.get("pods", "default", "gc-fg-1-x")).toBeUndefined();
    expect(await failure(c.apps.deleteNamespacedDeployment({ namespace: "default", name: "gc-fg" }))).toMatchObject({
      code: 404,
    });
  });
});
