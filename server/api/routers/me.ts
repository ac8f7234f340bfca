// The signed-in user: who they are, their teams and the current one, their language.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "../trpc";
import { zRole } from "../../validation/common";
import { ZSetCurrentTeamRequest, ZSetLocaleRequest } from "../../validation/team";
import { setLocale } from "../../services/auth/set-locale";
import { setCurrentTeam } from "../../services/members/set-current-team";

const ZTeam = z.object({ id: z.string(), name: z.string(), slug: z.string(), role: zRole });

export const meRouter = createTRPCRouter({
  // Public so the sign-in page can ask "am I signed in?" without an error.
  session: publicProcedure
    .output(
      z.object({
        user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.string() }).nullable(),
        teams: z.array(ZTeam),
        team: ZTeam.nullable(),
      }),
    )
    .query(({ ctx }) => ({
      user: ctx.user ? { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, locale: ctx.user.locale } : null,
      teams: ctx.teams,
      team: ctx.team,
    })),
  setLocale: signedInProcedure
    .input(ZSetLocaleRequest)
    .output(z.object({ locale: z.string() }))
    .mutation(({ ctx, input }) => setLocale({ prisma: ctx.prisma, userId: ctx.user.id, locale: input.locale })),
  // The team switcher: the chosen team is remembered on the server, so it is the default in every browser.
  setTeam: signedInProcedure
    .input(ZSetCurrentTeamRequest)
    .output(z.object({ teamId: z.string() }))
    .mutation(({ ctx, input }) => setCurrentTeam({ prisma: ctx.prisma, userId: ctx.user.id, teamId: input.teamId })),
});
