// The "what if we migrate" forecast: the plan, its hash, the problems that would refuse it, and the approvals it needs.
import { buildPlan } from "../../migrations/plan/build-plan";
import { planHash } from "../../migrations/plan/plan-hash";
import { requiredApprovals } from "../../migrations/plan/required-approvals";
import type { MigrationPreview, MigrationRequest } from "../../validation/migration";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import type { TeamScope } from "../context";
import { loadPlanInputs } from "./load-plan-inputs";

export async function previewMigration(opts: TeamScope & { input: MigrationRequest }): Promise<MigrationPreview> {
  const [inputs, policy] = await Promise.all([loadPlanInputs(opts), loadApprovalPolicy(opts)]);
  const { plan, problems } = buildPlan(inputs);
  const approvals = requiredApprovals(plan, policy);
  return {
    ok: problems.length === 0,
    plan,
    planHash: planHash(plan),
    problems,
    requiredApprovals: approvals.required,
    approvalReasons: approvals.reasons,
  };
}
