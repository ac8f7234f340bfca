// Wire-level behaviour checked with bare HTTPS requests: Tables, media types, non-resource paths, OpenAPI, dryRun.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { deploymentManifest, rawRequest, startTestCluster, type TestCluster } from "./test-cluster";

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  cluster.store.create("deployments", deploymentManifest("web", { replicas: 3 }));
});
afterAll(() => cluster.close());

const TABLE =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
const JSON_HDR = { "Content-Type": "application/json" };

describe("Tables (kubectl get)", () => {
  it("lists deployments as a Table with kubectl's columns and PartialObjectMetadata rows", async () => {
    const res = await rawRequest(cluster, "GET", "/apis/apps/v1/deployments", { headers: { Accept: TABLE } });
    const t = res.json<{
      kind: string;
      apiVersion: string;
      columnDefinitions: { name: string; priority: number }[];
      rows: { cells: unknown[]; object: { kind: string; metadata: { namespace: string } } }[];
    }>();
    expect(t.kind).toBe("Table");
    expect(t.apiVersion).toBe("meta.k8s.io/v1");
    expect(t.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
      "Name",
      "Ready",
      "Up-to-date",
      "Available",
      "Age",
    ]);
    expect(t.rows[0]!.cells.slice(0, 4)).toEqual(["web", "0/3", 0, 0]);
    expect(t.rows[0]!.object).toMatchObject({ kind: "PartialObjectMetadata", metadata: { namespace: "default" } });
    const full = await rawRequest(cluster, "GET", "/apis/apps/v1/namespaces/default/deployments?includeObject=Object", {
      headers: { Accept: TABLE },
    });
    expect(full.json<{ rows: { object: { kind: string } }[] }>().rows[0]!.object.kind).toBe("Deployment");
  });

  it("prints pods, nodes, namespaces and services with their columns", async () => {
    const cols = async (p: string) =>
      (await rawRequest(cluster, "GET", p, { headers: { Accept: TABLE } }))
        .json<{ columnDefinitions: { name: string; priority: number }[] }>()
        .columnDefinitions.filter((c) => c.priority === 0)
        .map((c) => c.name);
    expect(await cols("/api/v1/pods")).toEqual(["Name", "Ready", "Status", "Restarts", "Age"]);
    expect(await cols("/api/v1/nodes")).toEqual(["Name", "Status", "Roles", "Age", "Version"]);
    expect(await cols("/api/v1/namespaces")).toEqual(["Name", "Status", "Age"]);
    expect(await cols("/api/v1/services")).toEqual(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"]);
    expect(await cols("/api/v1/events")).toEqual(["Last Seen", "Type", "Reason", "Object", "Message"]);
  });
});

describe("non-resource paths and errors", () => {
  it("answers health and version without a token, discovery only with one", async () => {
    const health = await rawRequest(cluster, "GET", "/readyz", { token: null });
    expect([health.status, health.text]).toEqual([200, "ok"]);
    expect((await rawRequest(cluster, "GET", "/version", { token: null })).json()).toMatchObject({
      major: "1",
      minor: "32",
    });
    expect((await rawRequest(cluster, "GET", "/apis", { token: null })).status).toBe(401);
    expect((await rawRequest(cluster, "GET", "/api")).json()).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
  });

  it("gives a JSON Status for unknown paths, wrong methods and unsupported media types", async () => {
    for (const p of ["/apis/batch/v1/jobs", "/api/v1/foos", "/nonsense"]) {
      const res = await rawRequest(cluster, "GET", p);
      expect(res.status).toBe(404);
      expect(res.headers["content-type"]).toBe("application/json");
      expect(res.json()).toEqual({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "the server could not find the requested resource",
        reason: "NotFound",
        details: {},
        code: 404,
      });
    }
    expect(
      (
        await rawRequest(cluster, "POST", "/apis/apps/v1/namespaces/default/deployments/web", {
          body: "{}",
          headers: JSON_HDR,
        })
      ).status,
    ).toBe(405);
    const proto = await rawRequest(cluster, "POST", "/apis/apps/v1/namespaces/default/deployments", {
      body: "\u0000k8s",
      headers: { "Content-Type": "application/vnd.kubernetes.protobuf" },
    });
    expect(proto.json()).toMatchObject({ code: 415, reason: "UnsupportedMediaType" });
    const patch = await rawRequest(cluster, "PATCH", "/apis/apps/v1/namespaces/default/deployments/web", {
      body: "{}",
      headers: { "Content-Type": "text/plain" },
    });
    expect(patch.status).toBe(415);
    const ns = await rawRequest(cluster, "POST", "/apis/apps/v1/namespaces/default/deployments", {
      body: JSON.stringify(deploymentManifest("x", { namespace: "kube-system" })),
      headers: JSON_HDR,
    });
    expect(ns.json()).toMatchObject({
      code: 400,
      message: "the namespace of the provided object does not match the namespace sent on the request",
    });
  });
});

describe("OpenAPI v3", () => {
  it("indexes group versions and advertises fieldValidation on each kind's PATCH", async () => {
    const root = (await rawRequest(cluster, "GET", "/openapi/v3")).json<{
      paths: Record<string, { serverRelativeURL: string }>;
    }>();
    expect(Object.keys(root.paths).sort()).toEqual([
      "api/v1",
      "apis/apps/v1",
      "apis/autoscaling/v2",
      "apis/gateway.networking.k8s.io/v1",
    ]);
    const doc = (await rawRequest(cluster, "GET", root.paths["apis/apps/v1"]!.serverRelativeURL)).json<{
      paths: Record<
        string,
        Record<
          string,
          { "x-kubernetes-group-version-kind"?: { kind: string }; parameters?: { name: string; in: string }[] }
        >
      >;
    }>();
    const patch = doc.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!.patch!;
    expect(patch["x-kubernetes-group-version-kind"]).toEqual({ group: "apps", version: "v1", kind: "Deployment" });
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: "fieldValidation", in: "query" }));
    expect((await rawRequest(cluster, "GET", "/openapi/v2")).status).toBe(404);
  });
});

describe("write details", () => {
  it("accepts YAML bodies, dryRun=All stores nothing, deletecollection by label", async () => {
    const yamlBody = stringify(deploymentManifest("from-yaml"));
    const created = await rawRequest(cluster, "POST", "/apis/apps/v1/namespaces/default/deployments", {
      body: yamlBody,
      headers: { "Content-Type": "application/yaml" },
    });
    expect(created.status).toBe(201);
    const dry = await rawRequest(cluster, "POST", "/apis/apps/v1/namespaces/default/deployments?dryRun=All", {
      body: JSON.stringify(deploymentManifest("dry")),
      headers: JSON_HDR,
    });
    expect(dry.status).toBe(201);
    expect(cluster.store.get("deployments", "default", "dry")).toBeUndefined();
    const gone = await rawRequest(
      cluster,
      "DELETE",
      "/apis/apps/v1/namespaces/default/deployments?labelSelector=app%3Dfrom-yaml",
    );
    expect(gone.json<{ kind: string; items: unknown[] }>()).toMatchObject({
      kind: "DeploymentList",
      items: [expect.objectContaining({ kind: "Deployment" })],
    });
    expect(cluster.store.get("deployments", "default", "from-yaml")).toBeUndefined();
  });

  it("drops unknown fields: a warning by default, a 400 with fieldValidation=Strict", async () => {
    const typo = deploymentManifest("typo") as ReturnType<typeof deploymentManifest> & { spec: { replicaz?: number } };
    typo.spec.replicaz = 3;
    const url = "/apis/apps/v1/namespaces/default/deployments";
    const strict = await rawRequest(cluster, "POST", `${url}?fieldValidation=Strict`, {
      body: JSON.stringify(typo),
      headers: JSON_HDR,
    });
    expect(strict.json()).toMatchObject({
      code: 400,
      reason: "BadRequest",
      message:
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz"',
    });
    const warned = await rawRequest(cluster, "POST", url, { body: JSON.stringify(typo), headers: JSON_HDR });
    expect(warned.status).toBe(201);
    expect(warned.headers.warning).toBe('299 - "unknown field \\"spec.replicaz\\""');
    expect(cluster.store.get("deployments", "default", "typo")!.spec).not.toHaveProperty("replicaz");
  });

  it("server-side apply takes YAML and requires a field manager", async () => {
    const body = stringify(deploymentManifest("applied"));
    const url = "/apis/apps/v1/namespaces/default/deployments/applied";
    const noManager = await rawRequest(cluster, "PATCH", url, {
      body,
      headers: { "Content-Type": "application/apply-patch+yaml" },
    });
    expect(noManager.json()).toMatchObject({
      code: 422,
      reason: "Invalid",
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    });
    const ok = await rawRequest(cluster, "PATCH", `${url}?fieldManager=ops`, {
      body,
      headers: { "Content-Type": "application/apply-patch+yaml" },
    });
    expect(ok.status).toBe(201);
    const again = await rawRequest(cluster, "PATCH", `${url}?fieldManager=ops`, {
      body,
      headers: { "Content-Type": "application/apply-patch+yaml" },
    });
    expect(again.status).toBe(200);
    expect(again.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion).toBe(
      ok.json<{ metadata: { resourceVersion: string } }>().metadata.resourceVersion,
    ); // a no-op apply writes nothing
  });

  it("streams watch=1 and the legacy /watch/ path, as Tables when asked", async () => {
    const ctl = new AbortController();
    const { request } = await import("node:https");
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(
        new URL("/api/v1/watch/namespaces?timeoutSeconds=1", cluster.url),
        { ca: cluster.caCert, headers: { Authorization: "Bearer sim-admin-token", Accept: TABLE }, signal: ctl.signal },
        (res) => {
          res.once("data", (c: Buffer) => resolve(c.toString("utf8")));
        },
      );
      req.on("error", reject);
      req.end();
    });
    ctl.abort();
    const plain = await rawRequest(
      cluster,
      "GET",
      "/apis/apps/v1/namespaces/default/deployments?watch=1&timeoutSeconds=1&fieldSelector=metadata.name%3Dweb",
    );
    expect(plain.headers["content-type"]).toBe("application/json");
    expect(
      plain.text
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(["ADDED"]);
    const ev = JSON.parse(first.split("\n")[0]!) as {
      type: string;
      object: { kind: string; rows: { cells: unknown[] }[] };
    };
    expect(ev.type).toBe("ADDED");
    expect(ev.object.kind).toBe("Table");
    expect(ev.object.rows[0]!.cells[0]).toBe("default");
  });
});
