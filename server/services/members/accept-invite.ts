// Accepting an invite link: single-use, unexpired, and only by the signed-in owner of the invited address.
// The membership, the invite's use and the team-join audit row commit together in one transaction.
import type { PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashInviteToken } from "./invite-token";

export interface AcceptInviteOptions {
  prisma: PrismaClient;
  user: { id: string; email: string };
  token: string;
  requestId: string;
  ip: string | null;
  now?: Date;
}

const INVALID = "this invite link is not valid or was revoked; ask the team admin for a new one";

/** What the invite page shows before accepting: team, role, the invited address and whether it still works. */
export async function previewInvite(opts: { prisma: PrismaClient; token: string; now?: Date }) {
  const invite = await opts.prisma.invite.findUnique({
    where: { tokenHash: hashInviteToken(opts.token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, team: { select: { name: true } } },
  });
  if (!invite) throw new AppError("NOT_FOUND", INVALID);
  const now = opts.now ?? new Date();
  const status = invite.acceptedAt
    ? ("accepted" as const)
    : invite.expiresAt <= now
      ? ("expired" as const)
      : ("pending" as const);
  return { teamName: invite.team.name, role: invite.role, email: invite.email, expiresAt: invite.expiresAt, status };
}

export async function acceptInvite(opts: AcceptInviteOptions) {
  const now = opts.now ?? new Date();
  return opts.prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashInviteToken(opts.token) },
      select: {
        id: true,
        teamId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        team: { select: { name: true } },
      },
    });
    if (!invite) throw new AppError("NOT_FOUND", INVALID);
    if (invite.acceptedAt)
      throw new AppError("CONFLICT", "this invite link was already used; ask the team admin for a new one");
    if (invite.expiresAt <= now) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `this invite expired on ${invite.expiresAt.toISOString().slice(0, 10)}; ask the team admin to invite you again`,
      );
    }
    if (invite.email.toLowerCase() !== opts.user.email.toLowerCase()) {
      throw new AppError(
        "FORBIDDEN",
        `this invite is for ${invite.email}, but you are signed in as ${opts.user.email}; sign out, then sign in or sign up as ${invite.email}`,
      );
    }
    // Single use even under concurrent clicks: only one update finds the invite still unused.
    const used = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: now, acceptedById: opts.user.id },
    });
    if (used.count !== 1)
      throw new AppError("CONFLICT", "this invite link was already used; ask the team admin for a new one");
    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invite.teamId, userId: opts.user.id } },
      select: { role: true },
    });
    if (!existing)
      await tx.membership.create({ data: { teamId: invite.teamId, userId: opts.user.id, role: invite.role } });
    await tx.user.update({ where: { id: opts.user.id }, data: { currentTeamId: invite.teamId }, select: { id: true } });
    await recordAuditEvent({
      prisma: tx,
      teamId: invite.teamId,
      actorId: opts.user.id,
      actorEmail: opts.user.email,
      action: "team.join",
      targetType: "Invite",
      targetId: invite.id,
      outcome: "SUCCESS",
      requestId: opts.requestId,
      ip: opts.ip,
      details: { role: existing?.role ?? invite.role, via: "invite link", alreadyMember: Boolean(existing) },
    });
    return { teamId: invite.teamId, teamName: invite.team.name, role: existing?.role ?? invite.role };
  });
}
