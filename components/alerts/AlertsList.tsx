"use client";
// SLO alerts recorded from Alertmanager: a deployment's timeline, or the team's firing ones; operators silence them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";

export function AlertsList({ deploymentId }: { deploymentId?: string }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { can } = useCurrentTeam();
  const input = deploymentId ? { deploymentId, limit: 20 } : { status: "FIRING" as const, limit: 20 };
  const q = useQuery({ ...trpc.alert.list.queryOptions(input), refetchInterval: 10_000 });
  const silence = useMutation(
    trpc.alert.silence.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("silenced", { time: format.dateTime(r.endsAt, { timeStyle: "short" }) }));
        await qc.invalidateQueries({ queryKey: trpc.alert.pathKey() });
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  const alerts = q.data ?? [];
  return (
    <Card className="space-y-3 p-6" aria-labelledby={`alerts-${deploymentId ?? "team"}`}>
      <h2 id={`alerts-${deploymentId ?? "team"}`} className="text-sm font-semibold">
        {deploymentId ? t("title") : t("firingTitle")}
      </h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-muted-foreground">{deploymentId ? t("none") : t("noneFiring")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm" data-testid="alerts">
          {alerts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-3 py-2">
              <span
                className={
                  a.status === "FIRING"
                    ? "rounded bg-danger/10 px-2 py-0.5 text-xs font-medium text-danger"
                    : "rounded bg-muted px-2 py-0.5 text-xs font-medium"
                }
              >
                {a.status === "FIRING" ? t("firing") : t("resolved")}
              </span>
              <span className="font-medium">{a.name}</span>
              <span className="flex-1">
                {a.summary}
                {!deploymentId && a.deployment ? (
                  <>
                    {" "}
                    <Link href={`/deployments/${a.deployment.id}`} className="text-primary hover:underline">
                      {a.deployment.namespace}/{a.deployment.name}
                    </Link>
                  </>
                ) : null}
              </span>
              <time className="text-muted-foreground tabular-nums" dateTime={a.startsAt.toISOString()}>
                {a.endsAt
                  ? t("lasted", {
                      from: format.dateTime(a.startsAt, { timeStyle: "short" }),
                      to: format.dateTime(a.endsAt, { timeStyle: "short" }),
                    })
                  : t("since", { time: format.relativeTime(a.startsAt) })}
              </time>
              {a.status === "FIRING" && can("OPERATOR") && (
                <Button
                  size="sm"
                  variant="secondary"
                  loading={silence.isPending && silence.variables.id === a.id}
                  onClick={() => silence.mutate({ id: a.id, minutes: 60 })}
                >
                  {t("silence")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {deploymentId && <p className="text-xs text-muted-foreground">{t("help")}</p>}
    </Card>
  );
}
