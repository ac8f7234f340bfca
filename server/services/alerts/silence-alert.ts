// Silences one of the team's alerts in Alertmanager (POST /api/v2/silences), matching its alert name and deployment,
// so the whole episode and its repeats stay quiet for the chosen time.
import { AppError, notFound } from "../../errors";
import { env } from "../../env";
import type { SilenceAlertRequest } from "../../validation/alert";
import type { TeamScope } from "../context";

export async function silenceAlert(opts: TeamScope & { input: SilenceAlertRequest; alertmanagerUrl?: string }) {
  const alert = await opts.prisma.alert.findFirst({
    where: { id: opts.input.id, teamId: opts.teamId },
    select: { id: true, name: true, labels: true, deploymentId: true },
  });
  if (!alert) throw notFound("alert");
  const base = opts.alertmanagerUrl ?? env().TERN_ALERTMANAGER_URL;
  if (!base)
    throw new AppError(
      "PRECONDITION_FAILED",
      "no Alertmanager is configured: set TERN_ALERTMANAGER_URL to the Alertmanager that routes Tern's alerts",
    );
  const user = await opts.prisma.user.findUnique({ where: { id: opts.userId }, select: { email: true } });
  const labels = (alert.labels ?? {}) as Record<string, string>;
  const matchers = [
    { name: "alertname", value: alert.name, isRegex: false, isEqual: true },
    ...(labels.tern_deployment_id
      ? [{ name: "tern_deployment_id", value: labels.tern_deployment_id, isRegex: false, isEqual: true }]
      : []),
  ];
  const now = Date.now();
  let res: Response;
  try {
    res = await fetch(`${base.replace(/\/+$/, "")}/api/v2/silences`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        matchers,
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + opts.input.minutes * 60_000).toISOString(),
        createdBy: user?.email ?? "tern",
        comment: opts.input.comment || `silenced from Tern for ${opts.input.minutes} minutes`,
      }),
      redirect: "manual",
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    throw new AppError("PRECONDITION_FAILED", "Alertmanager did not answer; check TERN_ALERTMANAGER_URL and try again");
  }
  if (!res.ok) throw new AppError("PRECONDITION_FAILED", `Alertmanager refused the silence (HTTP ${res.status})`);
  const { silenceID } = (await res.json()) as { silenceID?: string };
  return { silenceId: silenceID ?? "", endsAt: new Date(now + opts.input.minutes * 60_000) };
}
