// The traffic-steps text field parses to the request's steps and rejects what the server would reject.
import { describe, expect, it } from "vitest";
import { ZMigrationForm, parseTrafficSteps } from "./migration-form-schema";

const base = { deploymentId: "dep_1", targetClusterId: "cl_1", analysisSeconds: 60, drainGraceSeconds: 30 };

describe("migration form", () => {
  it("parses comma, space and percent separated steps", () => {
    expect(parseTrafficSteps("10, 50 100%")).toEqual([10, 50, 100]);
  });

  it("accepts increasing steps ending at 100", () => {
    const r = ZMigrationForm.safeParse({ ...base, trafficSteps: "10, 50, 100" });
    expect(r.success && r.data.trafficSteps).toEqual([10, 50, 100]);
  });

  it.each([
    ["50, 10, 100", "traffic steps must increase"],
    ["10, 50", "the last traffic step must be 100 %"],
    ["ten, 100", "traffic steps are whole percentages"],
    ["", "give at least one traffic step"],
  ])("rejects %j", (steps, message) => {
    const r = ZMigrationForm.safeParse({ ...base, trafficSteps: steps });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("needs a target cluster", () => {
    const r = ZMigrationForm.safeParse({ ...base, targetClusterId: "", trafficSteps: "100" });
    expect(r.error?.issues[0]?.message).toBe("pick the cluster to move to");
  });
});
