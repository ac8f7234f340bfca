// Records what Alertmanager's webhook reports (firing and resolved alerts about Tern's deployments) and forwards
// each firing and each resolution to the team's outgoing webhook once, however often Alertmanager repeats it. The
// forwards (retried with backoff, see forward-alert) run after the alerts are recorded; the caller answers
// Alertmanager without waiting for a slow receiver.
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { notifyDeploymentsChanged } from "../deployments/deployment-events";
import { forwardAlert, type ForwardAlertOptions } from "./forward-alert";

/** Alertmanager's webhook payload (version 4), the fields Tern reads. */
export const ZAlertmanagerWebhook = z.object({
  version: z.string(),
  status: z.enum(["firing", "resolved"]),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels: z.record(z.string(), z.string()),
        annotations: z.record(z.string(), z.string()).default({}),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.string().optional(),
        fingerprint: z.string().min(1).max(64),
      }),
    )
    .max(1000),
});
export type AlertmanagerWebhook = z.infer<typeof ZAlertmanagerWebhook>;

/** Alertmanager sends "0001-01-01T00:00:00Z" for an alert that has not ended. */
function endOf(endsAt: string | undefined): Date | null {
  if (!endsAt) return null;
  const t = Date.parse(endsAt);
  return Number.isFinite(t) && t > 0 ? new Date(t) : null;
}

export interface RecordedAlerts {
  recorded: number;
  /** Alerts about no deployment Tern knows (another team's labels, a deleted deployment): ignored. */
  ignored: number;
  /** Firings and resolutions claimed for forwarding now (not repeats). */
  forwarding: number;
}

export async function recordAlertmanagerWebhook(opts: {
  prisma: PrismaClient;
  payload: AlertmanagerWebhook;
  /** Link base for forwarded messages (TERN_PUBLIC_URL). */
  publicUrl: string;
  /** Delivery and retry overrides for tests. */
  forward?: Pick<ForwardAlertOptions, "deliver" | "retry" | "sleep">;
}): Promise<RecordedAlerts & { delivered: Promise<number> }> {
  const out: RecordedAlerts = { recorded: 0, ignored: 0, forwarding: 0 };
  const forwards: Promise<unknown>[] = [];
  for (const a of opts.payload.alerts) {
    const deploymentId = a.labels.tern_deployment_id;
    // The deployment's own row decides the team: a label naming another team changes nothing.
    const d = deploymentId
      ? await opts.prisma.deployment.findUnique({
          where: { id: deploymentId },
          select: { id: true, teamId: true, name: true, namespace: true },
        })
      : null;
    if (!d) {
      out.ignored++;
      continue;
    }
    const name = a.labels.alertname ?? "alert";
    const startsAt = new Date(a.startsAt);
    const resolved = a.status === "resolved";
    const summary = a.annotations.summary ?? a.annotations.description ?? name;
    const row = await opts.prisma.alert.upsert({
      where: { fingerprint_startsAt: { fingerprint: a.fingerprint, startsAt } },
      create: {
        teamId: d.teamId,
        deploymentId: d.id,
        fingerprint: a.fingerprint,
        name,
        severity: a.labels.severity ?? "warning",
        status: resolved ? "RESOLVED" : "FIRING",
        summary,
        labels: a.labels,
        startsAt,
        endsAt: resolved ? (endOf(a.endsAt) ?? new Date()) : null,
      },
      // A firing repeat changes nothing; a resolution closes the episode (never re-opened by a late firing).
      update: resolved ? { status: "RESOLVED", endsAt: endOf(a.endsAt) ?? new Date(), summary } : {},
      select: { id: true },
    });
    out.recorded++;
    notifyDeploymentsChanged({ teamId: d.teamId, deploymentId: d.id, reason: "status" });
    // Claim the forward in the database first, so concurrent deliveries and replicas send it once.
    const now = new Date();
    const claim = await opts.prisma.alert.updateMany({
      where: resolved ? { id: row.id, resolvedForwardedAt: null } : { id: row.id, firingForwardedAt: null },
      data: resolved ? { resolvedForwardedAt: now } : { firingForwardedAt: now },
    });
    if (claim.count === 0) continue;
    const text = resolved ? `Resolved: ${summary}` : `Firing (${a.labels.severity ?? "warning"}): ${summary}`;
    out.forwarding++;
    forwards.push(
      forwardAlert({
        ...opts.forward,
        prisma: opts.prisma,
        teamId: d.teamId,
        alertId: row.id,
        alertName: name,
        event: resolved ? "alert.resolved" : "alert.firing",
        text: `${text} — ${d.namespace}/${d.name}`,
        link: `${opts.publicUrl.replace(/\/+$/, "")}/deployments/${d.id}`,
      }),
    );
  }
  // forwardAlert never rejects; this counts the forwards the receiver accepted.
  const delivered = Promise.all(forwards).then((r) => r.filter((x) => x === "delivered").length);
  return { ...out, delivered };
}
