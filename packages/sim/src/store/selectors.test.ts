import { describe, expect, it } from "vitest";
import { matchesFields, parseFieldSelector } from "./field-selector";
import { matchesLabels, parseLabelSelector, selectorFromSpec } from "./label-selector";
import type { KubeObject } from "./types";

const labels = { app: "web", tier: "gpu", version: "3" };
const m = (sel: string) => matchesLabels(parseLabelSelector(sel), labels);

describe("label selectors", () => {
  it("matches equality, inequality and sets", () => {
    expect(m("app=web")).toBe(true);
    expect(m("app==web,tier=gpu")).toBe(true);
    expect(m("app!=web")).toBe(false);
    expect(m("missing!=x")).toBe(true);
    expect(m("app in (web, api)")).toBe(true);
    expect(m("app notin (web,api)")).toBe(false);
    expect(m("tier in (cpu),app=web")).toBe(false);
  });
  it("matches existence and numeric comparisons", () => {
    expect(m("app")).toBe(true);
    expect(m("!app")).toBe(false);
    expect(m("!missing")).toBe(true);
    expect(m("version>2")).toBe(true);
    expect(m("version<2")).toBe(false);
  });
  it("treats an empty selector as everything and rejects garbage", () => {
    expect(m("")).toBe(true);
    expect(() => parseLabelSelector("app=web,")).toThrow(/unable to parse requirement/);
    expect(() => parseLabelSelector("a b c")).toThrow(/unable to parse requirement/);
  });
  it("converts a metav1.LabelSelector", () => {
    const sel = selectorFromSpec({
      matchLabels: { app: "web" },
      matchExpressions: [{ key: "tier", operator: "In", values: ["gpu"] }],
    });
    expect(matchesLabels(sel, labels)).toBe(true);
    expect(matchesLabels(sel, { app: "web" })).toBe(false);
  });
});

describe("field selectors", () => {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "ml" },
    spec: { nodeName: "n1" },
    status: { phase: "Running" },
  } as unknown as KubeObject;
  it("matches supported fields", () => {
    expect(matchesFields(parseFieldSelector("pods", "metadata.name=p,status.phase=Running"), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector("pods", "spec.nodeName!=n1"), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector("pods", "spec.nodeName=="), pod)).toBe(false);
  });
  it("rejects fields the resource does not support, as the apiserver does", () => {
    expect(() => parseFieldSelector("deployments", "status.phase=Running")).toThrow(
      "field label not supported: status.phase",
    );
  });
  it("reads event fields", () => {
    const ev = {
      metadata: { name: "e" },
      involvedObject: { kind: "Deployment", name: "web" },
      source: { component: "deployment-controller" },
    } as unknown as KubeObject;
    expect(
      matchesFields(
        parseFieldSelector(
          "events",
          "involvedObject.kind=Deployment,involvedObject.name=web,source=deployment-controller",
        ),
        ev,
      ),
    ).toBe(true);
  });
});
