// Adds a person to the team: at once if they have an account, else when they first sign up.
import type { Role } from "../../generated/prisma/enums";
import { AppError } from "../../errors";
import type { TeamScope } from "../context";

export async function inviteMember(opts: TeamScope & { email: string; role: Role }) {
  const email = opts.email.toLowerCase();
  const user = await opts.prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (user) {
    const existing = await opts.prisma.membership.findUnique({
      where: { teamId_userId: { teamId: opts.teamId, userId: user.id } },
      select: { role: true },
    });
    if (existing) throw new AppError("CONFLICT", `${email} is already a member (${existing.role}); change their role in the list instead`, "email");
    await opts.prisma.membership.create({ data: { teamId: opts.teamId, userId: user.id, role: opts.role } });
    return { id: user.id, status: "added" as const };
  }
  const invite = await opts.prisma.invite.upsert({
    where: { teamId_email: { teamId: opts.teamId, email } },
    create: { teamId: opts.teamId, email, role: opts.role },
    update: { role: opts.role },
    select: { id: true },
  });
  return { id: invite.id, status: "invited" as const };
}

export async function revokeInvite(opts: TeamScope & { id: string }) {
  const res = await opts.prisma.invite.deleteMany({ where: { id: opts.id, teamId: opts.teamId } });
  if (res.count === 0) throw new AppError("NOT_FOUND", "that invite was not found; it may have been accepted already");
  return { id: opts.id };
}
