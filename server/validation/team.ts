// Inputs for teams, members, invites and the signed-in user's preferences.
import { z } from "zod";
import { zId, zListInput, zRole } from "./common";

export const LOCALES = ["en", "zh-CN"] as const;

export const ZInviteMemberRequest = z.object({
  email: z.email("enter a valid email address such as ana@example.com").transform((v) => v.toLowerCase()),
  role: zRole,
});
export const ZSetMemberRoleRequest = z.object({ userId: zId, role: zRole });
export const ZRemoveMemberRequest = z.object({ userId: zId });
export const ZRevokeInviteRequest = z.object({ id: zId });
export const ZCreateTeamRequest = z.object({
  name: z
    .string()
    .trim()
    .min(2, "team name needs at least 2 characters")
    .max(64, "team name must be at most 64 characters"),
});
export const ZSetCurrentTeamRequest = z.object({ teamId: zId });
export const ZInviteTokenRequest = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "this invite link is not valid; ask the team admin for a new one"),
});
export const ZSetLocaleRequest = z.object({ locale: z.enum(LOCALES, { error: "language must be en or zh-CN" }) });

export const ZListAuditRequest = zListInput(["createdAt", "action"] as const, "createdAt").extend({
  dir: z.enum(["asc", "desc"]).default("desc"),
  outcome: z.enum(["SUCCESS", "DENIED", "FAILED", "PENDING"]).optional(),
  actor: z.string().max(200).optional(),
});
export type ListAuditRequest = z.input<typeof ZListAuditRequest>;
