// Break-glass: an admin starts a migration that waits for approval without the approvers, with a reason. Only
// admins, only while the team's policy allows it; the migration carries the flag (who, why, when) for good, and
// the call is audited like every mutation (the router's audit row holds the reason too).
import { roleAtLeast } from "../../auth/roles";
import { AppError, notFound } from "../../errors";
import type { Role } from "../../generated/prisma/enums";
import { loadApprovalPolicy } from "../approvals/approval-policy";
import type { TeamScope } from "../context";
import { notifyTeam } from "../notifications/notify-team";
import { notifyMigrationsChanged } from "./migration-events";
import { expirePendingMigrations } from "./runnable-migrations";

export const BREAK_GLASS_ROLE: Role = "ADMIN";

export const mayBreakGlass = (role: Role | null | undefined) => roleAtLeast(role, BREAK_GLASS_ROLE);

export async function breakGlassMigration(
  opts: TeamScope & { email: string; role: Role; input: { id: string; reason: string } },
): Promise<{ id: string; state: string }> {
  // The router already asks for ADMIN; the service checks again so no other caller can skip it.
  if (!mayBreakGlass(opts.role))
    throw new AppError("FORBIDDEN", `break-glass needs the ${BREAK_GLASS_ROLE} role in this team`);
  const policy = await loadApprovalPolicy(opts);
  if (!policy.allowBreakGlass)
    throw new AppError(
      "FORBIDDEN",
      "break-glass is turned off in the team's approval policy; an admin can allow it on the approval policy page",
    );
  const now = new Date();
  const updated = await opts.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Migration" WHERE "id" = ${opts.input.id} AND "teamId" = ${opts.teamId} FOR UPDATE`;
    const m = await tx.migration.findFirst({
      where: { id: opts.input.id, teamId: opts.teamId },
      select: { id: true, state: true, expiresAt: true, plan: true },
    });
    if (!m) throw notFound("the migration");
    if (m.state !== "PENDING_APPROVAL")
      throw new AppError(
        "PRECONDITION_FAILED",
        `only a migration waiting for approval can be started by break-glass (this one is ${m.state.toLowerCase().replace("_", " ")})`,
      );
    if (m.expiresAt <= now) return null;
    await tx.migration.update({
      where: { id: m.id },
      data: {
        state: "APPROVED",
        approvalBypass: "BREAK_GLASS",
        bypassedById: opts.userId,
        bypassedByEmail: opts.email,
        bypassReason: opts.input.reason,
        bypassedAt: now,
      },
    });
    return m;
  });
  if (!updated) {
    await expirePendingMigrations({ prisma: opts.prisma });
    throw new AppError("PRECONDITION_FAILED", "this request expired; request the migration again");
  }
  notifyMigrationsChanged({ teamId: opts.teamId, migrationId: updated.id, reason: "state" });
  await notifyTeam({
    prisma: opts.prisma,
    teamId: opts.teamId,
    kind: "migration.break-glass",
    title: `BREAK-GLASS: ${opts.email} started a migration without approval: ${opts.input.reason}`,
    migrationId: updated.id,
    minRole: "VIEWER",
    link: `/migrations/${updated.id}`,
  });
  return { id: updated.id, state: "APPROVED" };
}
