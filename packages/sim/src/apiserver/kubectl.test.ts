// Conformance through the real kubectl binary (v1.32), against the simulated API server over HTTPS.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { hasKubectl, runKubectl } from "../testing/run-kubectl";
import { deploymentManifest, markRolledOut, startTestCluster, type TestCluster } from "./test-cluster";

if (!hasKubectl)
  console.warn(
    "[kubectl.test] kubectl is not on PATH: skipping the kubectl conformance cases (install kubectl 1.32 to run them)",
  );

let cluster: TestCluster;

const kubectl = (args: string[], o: { readOnly?: boolean } = {}) => runKubectl(cluster, args, o);

function manifest(file: string, objects: unknown[]): string {
  const p = path.join(cluster.dir, file);
  writeFileSync(p, objects.map((o) => JSON.stringify(o)).join("\n---\n"));
  return p;
}

describe.skipIf(!hasKubectl)("kubectl against the simulator", () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster?.close());

  it("get nodes and api-resources (discovery + server-side printing)", async () => {
    const nodes = await kubectl(["get", "nodes"]);
    expect(nodes.stderr).toBe("");
    expect(nodes.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(nodes.stdout).toMatch(/gpu-a100-1\s+Ready\s+worker\s+\d+s\s+v1\.32\.0/);
    const res = await kubectl(["api-resources"]);
    expect(res.stdout).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(res.stdout).toMatch(/pods\s+po\s+v1\s+true\s+Pod/);
  });

  it("apply -f (client-side): create, configure with a strategic merge patch, unchanged", async () => {
    const file = manifest("web.yaml", [deploymentManifest("web", { replicas: 2 })]);
    expect((await kubectl(["apply", "-f", file])).stdout.trim()).toBe("deployment.apps/web created");
    manifest("web.yaml", [deploymentManifest("web", { replicas: 2, image: "tern/serve:2" })]);
    const configured = await kubectl(["apply", "-f", file]);
    expect(configured.stderr).toBe("");
    expect(configured.stdout.trim()).toBe("deployment.apps/web configured");
    const c = (
      cluster.store.get("deployments", "default", "web")!.spec!.template as {
        spec: { containers: { image: string; ports: unknown[] }[] };
      }
    ).spec.containers[0]!;
    expect(c.image).toBe("tern/serve:2");
    expect(c.ports).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect((await kubectl(["apply", "-f", file])).stdout.trim()).toBe("deployment.apps/web unchanged");
    const table = await kubectl(["get", "deployments", "-o", "wide"]);
    expect(table.stdout).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
    expect(table.stdout).toMatch(/web\s+0\/2\s+0\s+0\s+\S+\s+server\s+tern\/serve:2\s+app=web/);
  });

  it("apply --server-side, a conflict after kubectl scale, and --force-conflicts", async () => {
    const file = manifest("ssa.yaml", [deploymentManifest("ssa", { replicas: 2 })]);
    expect((await kubectl(["apply", "--server-side", "-f", file])).stdout.trim()).toBe(
      "deployment.apps/ssa serverside-applied",
    );
    expect((await kubectl(["scale", "deployment/ssa", "--replicas=3"])).stdout.trim()).toBe(
      "deployment.apps/ssa scaled",
    );
    expect(cluster.store.get("deployments", "default", "ssa")!.spec!.replicas).toBe(3);
    const conflict = await kubectl(["apply", "--server-side", "-f", file]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toMatch(
      /Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas/,
    );
    expect((await kubectl(["apply", "--server-side", "--force-conflicts", "-f", file])).code).toBe(0);
    expect(cluster.store.get("deployments", "default", "ssa")!.spec!.replicas).toBe(2);
  });

  it("create -f validates on the server (422 with causes) without --validate=false", async () => {
    const bad = deploymentManifest("Bad_Name");
    bad.spec.template.metadata.labels = { app: "other" };
    const out = await kubectl(["create", "-f", manifest("bad.yaml", [bad])]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('The Deployment "Bad_Name" is invalid:');
    expect(out.stderr).toContain('metadata.name: Invalid value: "Bad_Name"');
    expect(out.stderr).toContain("spec.template.metadata.labels: Invalid value:");
    const typo = { ...deploymentManifest("typo"), spec: { ...deploymentManifest("typo").spec, replicaz: 2 } };
    const strict = await kubectl(["apply", "-f", manifest("typo.yaml", [typo])]);
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.replicaz"');
    const good = await kubectl(["create", "-f", manifest("good.yaml", [deploymentManifest("created")])]);
    expect(good.stdout.trim()).toBe("deployment.apps/created created");
  });

  it("get nodes/deployments/pods/events -A -o yaml", async () => {
    cluster.store.create("pods", {
      metadata: { name: "web-1-abcde", namespace: "default", labels: { app: "web" } },
      spec: { containers: [{ name: "server", image: "tern/serve:2" }] },
    });
    cluster.store.create("events", {
      metadata: { name: "web.1", namespace: "default" },
      // describe finds events by involvedObject kind, name, namespace and uid, as a real controller records them.
      involvedObject: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: "web",
        namespace: "default",
        uid: cluster.store.get("deployments", "default", "web")!.metadata.uid,
      },
      reason: "ScalingReplicaSet",
      message: "Scaled up replica set web-1 to 2",
      type: "Normal",
      source: { component: "deployment-controller" },
      count: 1,
    });
    const out = await kubectl(["get", "nodes,deployments,pods,events", "-A", "-o", "yaml"]);
    expect(out.stderr).toBe("");
    const list = parseAllDocuments(out.stdout)[0]!.toJS() as {
      kind: string;
      items: { kind: string; metadata: { name: string } }[];
    };
    expect(list.kind).toBe("List");
    const kinds = new Set(list.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(["Deployment", "Event", "Node", "Pod"]);
    const events = await kubectl(["get", "events", "-A"]);
    expect(events.stdout).toMatch(/NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    expect(events.stdout).toMatch(
      /default\s+\S+\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-1 to 2/,
    );
    const pods = await kubectl(["get", "pods"]);
    expect(pods.stdout).toMatch(/web-1-abcde\s+0\/1\s+Pending\s+0\s+\S+/);
  });

  it("describe deployment (reads replica sets and events)", async () => {
    const d = cluster.store.get("deployments", "default", "web")!;
    cluster.store.create("replicasets", {
      metadata: {
        name: "web-1",
        namespace: "default",
        labels: { app: "web" },
        annotations: { "deployment.kubernetes.io/revision": "1" },
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true },
        ],
      },
      spec: { ...(d.spec as Record<string, unknown>), replicas: 2 },
    });
    const out = await kubectl(["describe", "deployment", "web"]);
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(/Name:\s+web\nNamespace:\s+default/);
    expect(out.stdout).toMatch(/Image:\s+tern\/serve:2/);
    expect(out.stdout).toMatch(/NewReplicaSet:\s+web-1 /);
    expect(out.stdout).toMatch(
      /Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set web-1 to 2/,
    );
  });

  it("rollout status waits on the watch until a controller reports the rollout done", async () => {
    const pending = kubectl(["rollout", "status", "deployment/web", "--timeout=15s"]);
    await new Promise((r) => setTimeout(r, 700));
    markRolledOut(cluster.store, "default", "web");
    const out = await pending;
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain('deployment "web" successfully rolled out');
  });

  it("explain prints fields and descriptions from the served OpenAPI v3 schemas", async () => {
    const out = await kubectl(["explain", "deployment.spec.replicas"]);
    expect(out.stderr).toBe("");
    expect(out.stdout).toMatch(/GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1/);
    expect(out.stdout).toContain("FIELD: replicas <integer>");
    expect(out.stdout.replace(/\s+/g, " ")).toContain(
      "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.",
    );
    const spec = await kubectl(["explain", "deployment.spec"]);
    expect(spec.stdout).toMatch(/selector\s+<LabelSelector> -required-/);
    const pod = await kubectl(["explain", "pod.spec.containers.image"]);
    expect(pod.stdout).toMatch(/KIND:\s+Pod\nVERSION:\s+v1/);
    expect(pod.stdout).toContain("FIELD: image <string>");
    for (const kind of [
      "service.spec.ports",
      "namespace.status.phase",
      "node.status.capacity",
      "event.involvedObject",
    ]) {
      const r = await kubectl(["explain", kind]);
      expect(r.stderr, kind).toBe("");
      expect(r.stdout, kind).toMatch(/DESCRIPTION:\n\s+\S/);
    }
  });

  it("delete, and a read-only user is forbidden", async () => {
    const denied = await kubectl(["delete", "deployment", "created"], { readOnly: true });
    expect(denied.code).not.toBe(0);
    expect(denied.stderr.trim()).toBe(
      'Error from server (Forbidden): deployments.apps "created" is forbidden: User "viewer" cannot delete resource "deployments" in API group "apps" in the namespace "default"',
    );
    const out = await kubectl(["delete", "deployment", "created"]);
    expect(out.stdout.trim()).toBe('deployment.apps "created" deleted');
    expect(cluster.store.get("deployments", "default", "created")).toBeUndefined();
    const missing = await kubectl(["get", "deployment", "created"]);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "created" not found');
  });
});
