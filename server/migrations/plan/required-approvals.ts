// How many distinct approvers a plan needs under the team's policy, and why.
import type { ApprovalPolicyDto, MigrationPlan } from "../../validation/migration";

export function requiredApprovals(
  plan: MigrationPlan,
  policy: ApprovalPolicyDto,
): { required: number; reasons: string[] } {
  const reasons: string[] = [];
  const rise = plan.cost.deltaPercent;
  if (rise !== null && rise > policy.costIncreasePercent) {
    reasons.push(
      `monthly cost rises ${rise.toFixed(1)} % (policy: more than ${policy.costIncreasePercent} % needs ${policy.elevatedApprovals} approvers)`,
    );
  }
  if (plan.cost.deltaPercent === null && plan.cost.afterPerMonth === null) {
    reasons.push(`the target's cost is unknown (no catalog price), so the cost rule cannot clear it`);
  }
  const src = new Set(plan.source.residencyTags);
  const crossZone = src.size > 0 && !plan.target.residencyTags.some((t) => src.has(t));
  if (policy.elevateCrossResidency && crossZone) {
    reasons.push(
      `the target leaves residency zone ${[...src].join("/")} for ${plan.target.residencyTags.join("/") || "an untagged cluster"}`,
    );
  }
  return reasons.length
    ? { required: Math.max(policy.elevatedApprovals, policy.requiredApprovals), reasons }
    : { required: policy.requiredApprovals, reasons };
}
