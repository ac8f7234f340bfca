// SLO alerts as Tern recorded them from Alertmanager, and silencing one from the UI.
import { z } from "zod";
import { zId } from "./common";

export const ZAlert = z.object({
  id: z.string(),
  name: z.string(),
  severity: z.string(),
  status: z.enum(["FIRING", "RESOLVED"]),
  summary: z.string(),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
  deployment: z.object({ id: z.string(), name: z.string(), namespace: z.string() }).nullable(),
});
export type AlertDto = z.infer<typeof ZAlert>;

export const ZListAlertsRequest = z.object({
  deploymentId: zId.optional(),
  status: z.enum(["FIRING", "RESOLVED"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZSilenceAlertRequest = z.object({
  id: zId,
  minutes: z
    .number()
    .int("a silence lasts a whole number of minutes")
    .min(5, "a silence lasts at least 5 minutes")
    .max(7 * 24 * 60, "a silence lasts at most 7 days"),
  comment: z.string().trim().max(500).default(""),
});
export type SilenceAlertRequest = z.output<typeof ZSilenceAlertRequest>;
