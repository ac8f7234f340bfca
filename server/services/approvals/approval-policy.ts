// The team's approval policy (one row per team; defaults until an admin saves one).
import type { PrismaClient } from "../../generated/prisma/client";
import type { ApprovalPolicyDto } from "../../validation/migration";
import type { TeamScope } from "../context";

export const DEFAULT_POLICY: ApprovalPolicyDto = {
  requiredApprovals: 1,
  elevatedApprovals: 2,
  costIncreasePercent: 20,
  elevateCrossResidency: true,
  minRole: "APPROVER",
  requestTtlHours: 72,
  approvalTtlHours: 24,
  failoverAutoStart: false,
  failoverSloMinutes: 10,
  allowBreakGlass: true,
};

const policySelect = {
  requiredApprovals: true,
  elevatedApprovals: true,
  costIncreasePercent: true,
  elevateCrossResidency: true,
  minRole: true,
  requestTtlHours: true,
  approvalTtlHours: true,
  failoverAutoStart: true,
  failoverSloMinutes: true,
  allowBreakGlass: true,
} as const;

export async function loadApprovalPolicy(opts: { prisma: PrismaClient; teamId: string }): Promise<ApprovalPolicyDto> {
  const row = await opts.prisma.approvalPolicy.findUnique({ where: { teamId: opts.teamId }, select: policySelect });
  return row ? toDto(row) : DEFAULT_POLICY;
}

export const getApprovalPolicy = (opts: TeamScope) => loadApprovalPolicy(opts);

export async function saveApprovalPolicy(opts: TeamScope & { input: ApprovalPolicyDto }): Promise<ApprovalPolicyDto> {
  const row = await opts.prisma.approvalPolicy.upsert({
    where: { teamId: opts.teamId },
    create: { teamId: opts.teamId, ...opts.input },
    update: opts.input,
    select: policySelect,
  });
  return toDto(row);
}

function toDto(row: Omit<ApprovalPolicyDto, "minRole"> & { minRole: string }): ApprovalPolicyDto {
  return { ...row, minRole: row.minRole === "ADMIN" ? "ADMIN" : "APPROVER" };
}
