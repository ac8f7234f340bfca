// The CLI's --fault syntax maps onto the admin API's JSON faults, with usage on mistakes.
import { describe, expect, it } from "vitest";
import { parseFaultFlag } from "./fleet-faults";

describe("parseFaultFlag", () => {
  it("parses every fault kind", () => {
    expect(parseFaultFlag("api-outage=aws")).toEqual({ kind: "api-outage", cluster: "aws", on: true, mode: "refuse" });
    expect(parseFaultFlag("api-outage=aws:unavailable")).toMatchObject({ mode: "unavailable" });
    expect(parseFaultFlag("slow-api=aws:1500")).toEqual({ kind: "slow-api", cluster: "aws", ms: 1500 });
    expect(parseFaultFlag("drop-watches=aws")).toEqual({ kind: "drop-watches", cluster: "aws", how: "reset" });
    expect(parseFaultFlag("crash-loop=aws/models/credit")).toEqual({
      kind: "crash-loop",
      cluster: "aws",
      namespace: "models",
      deployment: "credit",
      on: true,
    });
    expect(parseFaultFlag("node-loss=aws/aws-h100-0")).toEqual({
      kind: "node-loss",
      cluster: "aws",
      node: "aws-h100-0",
      on: true,
    });
    expect(parseFaultFlag("latency-spike=aws/models/credit:400")).toEqual({
      kind: "latency-spike",
      cluster: "aws",
      namespace: "models",
      deployment: "credit",
      ms: 400,
    });
  });

  it("explains a bad flag", () => {
    expect(() => parseFaultFlag("slow-api=aws")).toThrow(/bad --fault 'slow-api=aws': ms: .*Use api-outage=<cluster>/);
    expect(() => parseFaultFlag("meteor=aws")).toThrow(/bad --fault 'meteor=aws'/);
  });
});
