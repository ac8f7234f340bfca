// SLO alerts recorded from Alertmanager: list them, and silence one through Alertmanager's API.
import { z } from "zod";
import { createTRPCRouter, roleProcedure } from "../trpc";
import { ZAlert, ZListAlertsRequest, ZSilenceAlertRequest } from "../../validation/alert";
import { listAlerts } from "../../services/alerts/list-alerts";
import { silenceAlert } from "../../services/alerts/silence-alert";

export const alertRouter = createTRPCRouter({
  list: roleProcedure("VIEWER")
    .input(ZListAlertsRequest)
    .output(z.array(ZAlert))
    .query(({ ctx, input }) => listAlerts({ ...ctx.svc, ...input })),
  silence: roleProcedure("OPERATOR")
    .input(ZSilenceAlertRequest)
    .output(z.object({ silenceId: z.string(), endsAt: z.date() }))
    .mutation(({ ctx, input }) => silenceAlert({ ...ctx.svc, input })),
});
