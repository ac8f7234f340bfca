// Changes a member's role or removes them, never leaving the team without an admin.
import type { Role } from "../../generated/prisma/enums";
import { AppError } from "../../errors";
import type { TeamScope } from "../context";

async function assertKeepsAnAdmin(opts: TeamScope & { userId: string }) {
  const m = await opts.prisma.membership.findUnique({
    where: { teamId_userId: { teamId: opts.teamId, userId: opts.userId } },
    select: { role: true },
  });
  if (!m) throw new AppError("NOT_FOUND", "that person is not a member of this team");
  if (m.role !== "ADMIN") return;
  const admins = await opts.prisma.membership.count({ where: { teamId: opts.teamId, role: "ADMIN" } });
  if (admins <= 1)
    throw new AppError("PRECONDITION_FAILED", "a team needs at least one admin; make someone else admin first");
}

export async function setMemberRole(opts: TeamScope & { memberId: string; role: Role }) {
  if (opts.role !== "ADMIN") await assertKeepsAnAdmin({ ...opts, userId: opts.memberId });
  const res = await opts.prisma.membership.updateMany({
    where: { teamId: opts.teamId, userId: opts.memberId },
    data: { role: opts.role },
  });
  if (res.count === 0) throw new AppError("NOT_FOUND", "that person is not a member of this team");
  return { id: opts.memberId, role: opts.role };
}

export async function removeMember(opts: TeamScope & { memberId: string }) {
  await assertKeepsAnAdmin({ ...opts, userId: opts.memberId });
  await opts.prisma.membership.deleteMany({ where: { teamId: opts.teamId, userId: opts.memberId } });
  return { id: opts.memberId };
}
