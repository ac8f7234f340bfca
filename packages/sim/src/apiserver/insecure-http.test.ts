// The plain-HTTP mode for tests: client-node works against it with the kubeconfig kubeconfigFor writes.
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, it } from "vitest";
import { ObjectStore } from "../store/object-store";
import { createApiServer } from "./create-api-server";
import { kubeconfigFor } from "./kubeconfig";

it("serves plain HTTP when asked, with the same auth", async () => {
  const store = new ObjectStore();
  store.create("namespaces", { metadata: { name: "default" } });
  const server = createApiServer({
    store,
    tokens: [{ token: "t", allowed: "all" }],
    insecureHttp: true,
    clusterName: "plain",
  });
  await server.listen(0);
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfigFor({ clusterName: "plain", server: server.url, token: "t" }));
    const list = await kc.makeApiClient(CoreV1Api).listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toEqual(["default"]);
  } finally {
    await server.close();
  }
});
