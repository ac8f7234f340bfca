// Conformance through @kubernetes/client-node (discovery, create/get/list, selectors, Status bodies): the calls Tern's driver makes.
import { ApisApi, AppsV1Api, CoreV1Api, KubeConfig, VersionApi } from "@kubernetes/client-node";
import { rawRequest } from "./test-cluster";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploy, failure, startClientCluster, type ClientCluster } from "./client-fixture";

let c: ClientCluster;
beforeAll(async () => {
  c = await startClientCluster();
});
afterAll(() => c.cluster.close());

describe("discovery", () => {
  it("serves /version, /apis and the group versions client-node reads", async () => {
    const v = await c.kc.makeApiClient(VersionApi).getCode();
    expect(v.gitVersion).toMatch(/^v1\.32\./);
    const groups = await c.kc.makeApiClient(ApisApi).getAPIVersions();
    expect(groups.groups.map((g) => g.name)).toContain("apps");
    const coreRes = await c.core.getAPIResources();
    expect(coreRes.resources.find((r) => r.name === "pods")).toMatchObject({
      kind: "Pod",
      namespaced: true,
      shortNames: ["po"],
    });
    const appsRes = await c.apps.getAPIResources();
    expect(appsRes.resources.find((r) => r.name === "deployments/scale")).toMatchObject({
      group: "autoscaling",
      version: "v1",
      kind: "Scale",
    });
    expect(appsRes.resources.find((r) => r.name === "deployments/status")).toMatchObject({ kind: "Deployment" });
  });
});

describe("create, get, list", () => {
  it("creates and reads back with server-filled metadata", async () => {
    const created = await c.apps.createNamespacedDeployment({
      namespace: "default",
      body: deploy("read-me", { replicas: 2 }),
    });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.generation).toBe(1);
    const got = await c.apps.readNamespacedDeployment({ namespace: "default", name: "read-me" });
    expect(got.spec?.replicas).toBe(2);
    expect(got.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    const all = await c.apps.listDeploymentForAllNamespaces();
    expect(all.items.map((d) => d.metadata?.name)).toContain("read-me");
  });

  it("filters by label and field selectors and pages with limit/continue", async () => {
    for (const n of ["sel-a", "sel-b", "sel-c"])
      await c.apps.createNamespacedDeployment({
        namespace: "default",
        body: deploy(n, { labels: { tier: n === "sel-a" ? "gpu" : "cpu" } }),
      });
    const gpu = await c.apps.listNamespacedDeployment({ namespace: "default", labelSelector: "tier=gpu" });
    expect(gpu.items.map((d) => d.metadata?.name)).toEqual(["sel-a"]);
    const notGpu = await c.apps.listNamespacedDeployment({
      namespace: "default",
      labelSelector: "tier in (cpu),app!=sel-b",
    });
    expect(notGpu.items.map((d) => d.metadata?.name)).toEqual(["sel-c"]);
    const byName = await c.apps.listNamespacedDeployment({
      namespace: "default",
      fieldSelector: "metadata.name=sel-b",
    });
    expect(byName.items).toHaveLength(1);
    const page1 = await c.apps.listNamespacedDeployment({ namespace: "default", labelSelector: "tier", limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.metadata?._continue).toBeTruthy();
    const page2 = await c.apps.listNamespacedDeployment({
      namespace: "default",
      labelSelector: "tier",
      limit: 2,
      _continue: page1.metadata!._continue!,
    });
    expect(page2.items.map((d) => d.metadata?.name)).toEqual(["sel-c"]);
    const bad = await failure(c.core.listNamespacedPod({ namespace: "default", fieldSelector: "spec.bogus=1" }));
    expect(bad.code).toBe(400);
    expect(bad.body.message).toBe("field label not supported: spec.bogus");
  });

  it("selects pods by status.phase and spec.nodeName, events by involvedObject", async () => {
    const pod = (name: string, node: string) => ({
      metadata: { name },
      spec: { nodeName: node, containers: [{ name: "c", image: "i" }] },
    });
    await c.core.createNamespacedPod({ namespace: "default", body: pod("pod-a", "gpu-a100-1") });
    await c.core.createNamespacedPod({ namespace: "default", body: pod("pod-b", "other") });
    c.cluster.store.mutate("pods", "default", "pod-a", (p) => (p.status = { phase: "Running" }), {
      subresource: "status",
    });
    const running = await c.core.listNamespacedPod({
      namespace: "default",
      fieldSelector: "status.phase=Running,spec.nodeName=gpu-a100-1",
    });
    expect(running.items.map((p) => p.metadata?.name)).toEqual(["pod-a"]);
    await c.core.createNamespacedEvent({
      namespace: "default",
      body: {
        metadata: { name: "pod-a.1" },
        involvedObject: { kind: "Pod", name: "pod-a", namespace: "default" },
        reason: "Scheduled",
        message: "assigned",
        type: "Normal",
      },
    });
    const evs = await c.core.listEventForAllNamespaces({
      fieldSelector: "involvedObject.kind=Pod,involvedObject.name=pod-a",
    });
    expect(evs.items.map((e) => e.reason)).toEqual(["Scheduled"]);
  });
});

describe("Status bodies", () => {
  it("404 NotFound, 409 AlreadyExists, 422 Invalid exactly as kube-apiserver writes them", async () => {
    expect(await failure(c.apps.readNamespacedDeployment({ namespace: "default", name: "nope" }))).toEqual({
      code: 404,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: 'deployments.apps "nope" not found',
        reason: "NotFound",
        details: { name: "nope", group: "apps", kind: "deployments" },
        code: 404,
      },
    });
    await c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("twice") });
    expect(await failure(c.apps.createNamespacedDeployment({ namespace: "default", body: deploy("twice") }))).toEqual({
      code: 409,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: 'deployments.apps "twice" already exists',
        reason: "AlreadyExists",
        details: { name: "twice", group: "apps", kind: "deployments" },
        code: 409,
      },
    });
    const bad = deploy("Bad_Name", { replicas: -1 });
    bad.spec!.template.metadata!.labels = { app: "other" };
    const inv = await failure(c.apps.createNamespacedDeployment({ namespace: "default", body: bad }));
    expect(inv.code).toBe(422);
    expect(inv.body).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Invalid",
      code: 422,
      details: { name: "Bad_Name", group: "apps", kind: "Deployment" },
    });
    const causes = (inv.body.details as { causes: { field: string; reason: string }[] }).causes;
    expect(causes.map((c) => [c.field, c.reason])).toEqual([
      ["metadata.name", "FieldValueInvalid"],
      ["spec.replicas", "FieldValueInvalid"],
      ["spec.template.metadata.labels", "FieldValueInvalid"],
    ]);
    expect(inv.body.message).toMatch(
      /^Deployment\.apps "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    const noSelector = deploy("no-selector");
    delete (noSelector.spec as { selector?: unknown }).selector;
    const req = await failure(c.apps.createNamespacedDeployment({ namespace: "default", body: noSelector }));
    expect((req.body.details as { causes: unknown[] }).causes).toEqual([
      { reason: "FieldValueRequired", message: "Required value", field: "spec.selector" },
    ]);
    const noNs = await failure(
      c.apps.createNamespacedDeployment({ namespace: "ghost", body: deploy("x", { namespace: "ghost" }) }),
    );
    expect(noNs).toMatchObject({
      code: 404,
      body: { message: 'namespaces "ghost" not found', details: { name: "ghost", kind: "namespaces" } },
    });
  });

  it("401 for an unknown token, 403 with RBAC's wording for a read-only token", async () => {
    const badKc = new KubeConfig();
    badKc.loadFromString(c.cluster.kubeconfig.replace(/token: .*/, "token: wrong"));
    expect((await failure(badKc.makeApiClient(CoreV1Api).listNamespace())).code).toBe(401);
    const raw = await rawRequest(c.cluster, "GET", "/api/v1/namespaces", { token: "wrong" });
    expect(raw.status).toBe(401);
    expect(raw.headers["content-type"]).toBe("application/json");
    expect(raw.json()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: "Unauthorized",
      reason: "Unauthorized",
      code: 401,
    });
    expect((await rawRequest(c.cluster, "GET", "/api/v1/namespaces", { token: null })).status).toBe(401);
    const roKc = new KubeConfig();
    roKc.loadFromString(c.cluster.readOnlyKubeconfig);
    const roApps = roKc.makeApiClient(AppsV1Api);
    expect((await roApps.listNamespacedDeployment({ namespace: "default" })).items.length).toBeGreaterThan(0);
    expect(await failure(roApps.createNamespacedDeployment({ namespace: "default", body: deploy("ro") }))).toEqual({
      code: 403,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        reason: "Forbidden",
        code: 403,
        details: { group: "apps", kind: "deployments" },
        message:
          'deployments.apps is forbidden: User "viewer" cannot create resource "deployments" in API group "apps" in the namespace "default"',
      },
    });
  });
});
