import { describe, expect, it } from "vitest";
import { migrationTable } from "./migration-table";

const row = {
  id: "m1",
  state: "RUNNING",
  deploymentName: "credit",
  sourceClusterName: "aws-use1",
  targetClusterName: "gcp-usc1",
  currentStep: null as string | null,
  requestedByEmail: "op@example.com",
  approvals: 1,
  requiredApprovals: 2,
  createdAt: "2026-12-01T09:30:12.000Z",
};

describe("the migration table", () => {
  it("puts a list's own columns between the route and the approvals", () => {
    const out = migrationTable([row], {
      idHeader: "ID",
      middle: [
        ["STATE", (m) => m.state],
        ["STEP", (m) => m.currentStep],
      ],
    });
    expect(out.split("\n")).toEqual([
      "ID  DEPLOYMENT  FROM      TO        STATE    STEP  APPROVALS  REQUESTED",
      "m1  credit      aws-use1  gcp-usc1  RUNNING  -     1/2        2026-12-01 09:30",
    ]);
  });

  it("names the id column as the inbox does", () => {
    const out = migrationTable([row], { idHeader: "MIGRATION", middle: [["REQUESTED BY", (m) => m.requestedByEmail]] });
    expect(out.split("\n")[0]).toBe("MIGRATION  DEPLOYMENT  FROM      TO        REQUESTED BY    APPROVALS  REQUESTED");
    expect(out.split("\n")[1]).toBe(
      "m1         credit      aws-use1  gcp-usc1  op@example.com  1/2        2026-12-01 09:30",
    );
  });
});
