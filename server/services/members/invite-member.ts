// Invites a person to the team by email: an Invite row with a single-use link token (hashed) that expires
// in 7 days. Nobody joins until they open the link signed in as that address and accept. The answer is the
// same whether or not the address has an account, so an invite reveals nothing about other teams' users.
import type { Role } from "../../generated/prisma/enums";
import { AppError } from "../../errors";
import { publicUrl } from "../../env";
import { deliverToOutbox } from "../../auth/outbox";
import type { TeamScope } from "../context";
import { INVITE_TTL_MS, newInviteToken } from "./invite-token";

export async function inviteMember(opts: TeamScope & { email: string; role: Role; now?: Date }) {
  const email = opts.email.toLowerCase();
  const member = await opts.prisma.membership.findFirst({
    where: { teamId: opts.teamId, user: { email } },
    select: { role: true },
  });
  if (member)
    throw new AppError(
      "CONFLICT",
      `${email} is already a member (${member.role}); change their role in the list instead`,
      "email",
    );
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date((opts.now ?? new Date()).getTime() + INVITE_TTL_MS);
  // Inviting the same address again replaces the old link (it stops working) and the role.
  const invite = await opts.prisma.invite.upsert({
    where: { teamId_email: { teamId: opts.teamId, email } },
    create: { teamId: opts.teamId, email, role: opts.role, tokenHash, expiresAt, invitedById: opts.userId },
    update: {
      role: opts.role,
      tokenHash,
      expiresAt,
      acceptedAt: null,
      acceptedById: null,
      invitedById: opts.userId,
      createdAt: new Date(),
    },
    select: { id: true, email: true, role: true, expiresAt: true, team: { select: { name: true } } },
  });
  const inviteUrl = `${publicUrl()}/invite/${token}`;
  await deliverToOutbox({
    to: email,
    subject: `You are invited to the team '${invite.team.name}' on Tern`,
    body: `Open this link, sign in or sign up as ${email}, and accept (${invite.role}); it works once, until ${expiresAt.toISOString()}:\n${inviteUrl}`,
  });
  return { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt, inviteUrl };
}

export async function revokeInvite(opts: TeamScope & { id: string }) {
  const res = await opts.prisma.invite.deleteMany({ where: { id: opts.id, teamId: opts.teamId, acceptedAt: null } });
  if (res.count === 0)
    throw new AppError("NOT_FOUND", "that invite was not found; it may have been accepted or revoked already");
  return { id: opts.id };
}
