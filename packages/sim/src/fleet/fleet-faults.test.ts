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

  it("parses the serving and object-store faults", () => {
    expect(parseFaultFlag("error-rate=aws/models/credit:0.2")).toEqual({
      kind: "error-rate",
      cluster: "aws",
      namespace: "models",
      deployment: "credit",
      ratio: 0.2,
      code: 500,
    });
    expect(parseFaultFlag("wrong-outputs=aws/models/credit")).toMatchObject({
      kind: "wrong-outputs",
      delta: 0.1,
      on: true,
    });
    expect(parseFaultFlag("wrong-outputs=aws/models/credit:-2")).toMatchObject({ delta: -2 });
    expect(parseFaultFlag("store-outage=aws-us-east-1")).toEqual({
      kind: "store-outage",
      cloud: "aws-us-east-1",
      on: true,
    });
    expect(parseFaultFlag("slow-store=aws-us-east-1:1000000")).toEqual({
      kind: "slow-store",
      cloud: "aws-us-east-1",
      bytesPerSecond: 1_000_000,
    });
    expect(() => parseFaultFlag("error-rate=aws/models/credit:2")).toThrow(/ratio/);
    expect(() => parseFaultFlag("slow-store=aws-us-east-1")).toThrow(/bytesPerSecond/);
  });

  it("explains a bad flag", () => {
    expect(() => parseFaultFlag("slow-api=aws")).toThrow(/bad --fault 'slow-api=aws': ms: .*Use api-outage=<cluster>/);
    expect(() => parseFaultFlag("meteor=aws")).toThrow(/bad --fault 'meteor=aws'/);
  });
});
