import { describe, expect, it } from "vitest";
import { route } from "./router";

const r = (p: string) => {
  const x = route(p);
  return x.type === "resource"
    ? { res: x.info.resource, ns: x.namespace, name: x.name, sub: x.subresource, watch: x.watchPath }
    : x;
};

describe("router", () => {
  it("addresses namespaced, cluster-scoped and all-namespace paths", () => {
    expect(r("/apis/apps/v1/namespaces/ml/deployments/web/scale")).toEqual({
      res: "deployments",
      ns: "ml",
      name: "web",
      sub: "scale",
      watch: false,
    });
    expect(r("/api/v1/pods")).toEqual({ res: "pods", ns: undefined, name: undefined, sub: undefined, watch: false });
    expect(r("/api/v1/namespaces/ml")).toEqual({
      res: "namespaces",
      ns: undefined,
      name: "ml",
      sub: undefined,
      watch: false,
    });
    expect(r("/api/v1/namespaces/ml/status")).toEqual({
      res: "namespaces",
      ns: undefined,
      name: "ml",
      sub: "status",
      watch: false,
    });
    expect(r("/api/v1/nodes/n1/status")).toEqual({
      res: "nodes",
      ns: undefined,
      name: "n1",
      sub: "status",
      watch: false,
    });
    expect(r("/api/v1/watch/namespaces/ml/pods")).toEqual({
      res: "pods",
      ns: "ml",
      name: undefined,
      sub: undefined,
      watch: true,
    });
  });
  it("rejects what a real server does not serve", () => {
    for (const p of [
      "/api/v1/deployments",
      "/apis/apps/v1/pods",
      "/api/v1/pods/p",
      "/api/v1/namespaces/ml/pods/p/scale",
      "/apis/batch/v1",
      "/api/v2",
    ]) {
      expect(route(p).type).toBe("unknown");
    }
    expect(route("/openapi/v3/apis/apps/v1")).toEqual({ type: "openapiGroupVersion", group: "apps" });
  });
});
