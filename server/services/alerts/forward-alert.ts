// Forwards one alert firing or resolution to the team's signed webhook, retrying a failed delivery with bounded
// exponential backoff. The last failure is written to the audit log (alert.forward_failed) for operators to see;
// neither the log nor the audit names the webhook's URL or secret, only what went wrong (status, error code).
import type { PrismaClient } from "../../generated/prisma/client";
import { logger } from "../../log";
import { recordAuditEvent } from "../audit/record-audit-event";
import { deliverTeamWebhook } from "../notifications/send-team-webhook";

/** 4 attempts 0.5 s, 1 s and 2 s apart: under 4 s of waiting besides the receiver's own 5 s timeouts. */
export const FORWARD_RETRY = { attempts: 4, firstDelayMs: 500, maxDelayMs: 8_000 } as const;

export type ForwardOutcome = "delivered" | "no-webhook" | "failed";

export interface ForwardAlertOptions {
  prisma: PrismaClient;
  teamId: string;
  alertId: string;
  alertName: string;
  event: "alert.firing" | "alert.resolved";
  text: string;
  link: string;
  deliver?: typeof deliverTeamWebhook;
  retry?: { attempts: number; firstDelayMs: number; maxDelayMs: number };
  sleep?: (ms: number) => Promise<void>;
}

/** Why a delivery failed, in words that hold nothing of the URL, headers or body. */
export function deliveryFailure(e: unknown): string {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
    return "the receiver did not answer within 5 s";
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `the receiver could not be reached (${code})` : "the receiver could not be reached";
}

/** Never rejects: the alert is recorded either way, and a receiver that is down must not fail the caller. */
export async function forwardAlert(o: ForwardAlertOptions): Promise<ForwardOutcome> {
  const deliver = o.deliver ?? deliverTeamWebhook;
  const retry = o.retry ?? FORWARD_RETRY;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = logger("alerts");
  let failure = "";
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      const r = await deliver({ prisma: o.prisma, teamId: o.teamId, event: o.event, text: o.text, link: o.link });
      if (!r.sent) return "no-webhook";
      if (r.ok) return "delivered";
      failure = `the receiver answered HTTP ${r.status}`;
    } catch (e) {
      failure = deliveryFailure(e);
    }
    if (attempt < retry.attempts) {
      const delay = Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1));
      log.warn(`forwarding ${o.event} of ${o.alertName} failed: ${failure}; attempt ${attempt + 1} in ${delay} ms`, {
        alertId: o.alertId,
      });
      await sleep(delay);
    }
  }
  log.error(`gave up forwarding ${o.event} of ${o.alertName} after ${retry.attempts} attempts: ${failure}`, undefined, {
    alertId: o.alertId,
  });
  try {
    await recordAuditEvent({
      prisma: o.prisma,
      teamId: o.teamId,
      actorId: null,
      actorEmail: "tern-alert-forwarder",
      action: "alert.forward_failed",
      targetType: "Alert",
      targetId: o.alertId,
      outcome: "FAILED",
      requestId: `alert-forward-${o.alertId}`,
      details: { event: o.event, alert: o.alertName, attempts: retry.attempts, error: failure },
    });
  } catch (e) {
    log.error(`could not record the failed forward of ${o.alertName}`, e, { alertId: o.alertId });
  }
  return "failed";
}
