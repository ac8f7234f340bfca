// The domain lists: complete, in ladder order, and the helpers that narrow untrusted text to them.
import { describe, expect, it } from "vitest";
import * as enums from "../generated/prisma/enums";
import {
  AUDIT_OUTCOMES,
  CLUSTER_HEALTH,
  DEPLOYMENT_PHASES,
  MODEL_FORMATS,
  oneOf,
  PROVIDERS,
  ROLES,
  roleAtLeast,
} from "./values";

describe("domain values", () => {
  it("list every member of the schema's enums, once", () => {
    const pairs = [
      [ROLES, enums.Role],
      [PROVIDERS, enums.Provider],
      [MODEL_FORMATS, enums.ModelFormat],
      [CLUSTER_HEALTH, enums.ClusterHealth],
      [DEPLOYMENT_PHASES, enums.DeploymentPhase],
      [AUDIT_OUTCOMES, enums.AuditOutcome],
    ] as const;
    for (const [list, e] of pairs) {
      expect([...list].sort()).toEqual(Object.values(e).sort());
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it("orders roles as a ladder", () => {
    expect(roleAtLeast("ADMIN", "APPROVER")).toBe(true);
    expect(roleAtLeast("OPERATOR", "OPERATOR")).toBe(true);
    expect(roleAtLeast("OPERATOR", "APPROVER")).toBe(false);
    expect(roleAtLeast("VIEWER", "OPERATOR")).toBe(false);
    expect(roleAtLeast(null, "VIEWER")).toBe(false);
  });

  it("narrows text to a member or nothing", () => {
    expect(oneOf(DEPLOYMENT_PHASES, "Ready")).toBe("Ready");
    expect(oneOf(DEPLOYMENT_PHASES, "ready")).toBeUndefined();
    expect(oneOf(PROVIDERS, null)).toBeUndefined();
  });
});
