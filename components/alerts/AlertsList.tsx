"use client";
// SLO alerts recorded from Alertmanager: a deployment's timeline, or the team's firing ones; operators silence them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { Card } from "@/components/ui/Card";
import { FixedList } from "@/components/tables/FixedList";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import type { AlertDto } from "@/server/validation/alert";

export function AlertsList({ deploymentId }: { deploymentId?: string }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const trpc = useTRPC();
  const qc = useQueryClient();
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
  const where = (a: AlertDto) => (a.deployment ? `${a.deployment.namespace}/${a.deployment.name}` : "none");
  const headingId = `alerts-${deploymentId ?? "team"}`;
  return (
    <Card className="space-y-3 p-6" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-sm font-semibold">
        {deploymentId ? t("title") : t("firingTitle")}
      </h2>
      <FixedList
        query={q}
        rows={q.data}
        caption={deploymentId ? t("title") : t("firingTitle")}
        inCard
        skeletonRows={2}
        empty={{ title: deploymentId ? t("none") : t("noneFiring") }}
        columns={[
          {
            id: "status",
            header: t("columns.status"),
            cell: (a) => (
              <span
                className={
                  a.status === "FIRING"
                    ? "rounded bg-danger/10 px-2 py-0.5 text-xs font-medium text-danger"
                    : "rounded bg-muted px-2 py-0.5 text-xs font-medium"
                }
              >
                {a.status === "FIRING" ? t("firing") : t("resolved")}
              </span>
            ),
          },
          { id: "name", header: t("columns.alert"), className: "font-medium", cell: (a) => a.name },
          {
            id: "summary",
            header: t("columns.summary"),
            wrap: true,
            cell: (a) => (
              <>
                {a.summary}
                {!deploymentId && a.deployment ? (
                  <>
                    {" "}
                    <Link href={`/deployments/${a.deployment.id}`} className="text-primary hover:underline">
                      {where(a)}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          {
            id: "time",
            header: t("columns.time"),
            className: "text-muted-foreground tabular-nums",
            cell: (a) => (
              <time dateTime={a.startsAt.toISOString()}>
                {a.endsAt
                  ? t("lasted", {
                      from: format.dateTime(a.startsAt, { timeStyle: "short" }),
                      to: format.dateTime(a.endsAt, { timeStyle: "short" }),
                    })
                  : t("since", { time: format.relativeTime(a.startsAt) })}
              </time>
            ),
          },
        ]}
        rowActions={{
          items: [
            {
              label: t("silence"),
              name: (a) => t("silenceNamed", { name: a.name, deployment: where(a) }),
              visible: (a) => a.status === "FIRING",
              variant: "secondary",
              busy: (a) => silence.isPending && silence.variables.id === a.id,
              onSelect: (a) => silence.mutate({ id: a.id, minutes: 60 }),
            },
          ],
        }}
      />
      {deploymentId && <p className="text-xs text-muted-foreground">{t("help")}</p>}
    </Card>
  );
}
