"use client";
// Who decided on this migration (current or voided, with reasons) and, while it waits, Approve / Reject.
// The server decides who may (`can`); a refused user sees the buttons disabled with the reason why.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useConfirmedMutation } from "@/components/mutations/useConfirmedMutation";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import type { MigrationDetail } from "@/server/validation/migration";
import { RejectDialog } from "./RejectDialog";

export function ApprovalsPanel({ m, onChanged }: { m: MigrationDetail; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("migrations.approvals");
  const format = useFormatter();
  const trpc = useTRPC();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const approve = useConfirmedMutation({
    mutation: trpc.approval.approve.mutationOptions(),
    variables: (x: MigrationDetail) => ({ migrationId: x.id, planHash: x.planHash }),
    confirm: (x) => ({
      title: t("approveTitle", { model: x.modelName }),
      description: t("approveDescription", { source: x.sourceClusterName, target: x.targetClusterName }),
      confirmLabel: t("approveConfirm"),
      variant: "default",
    }),
    success: (_, r) =>
      r.state === "APPROVED"
        ? t("approvedStarts")
        : t("approvedWaiting", { approvals: r.approvals, required: r.requiredApprovals }),
    refresh: onChanged,
    // A refusal (the plan changed, the migration moved on) means this page is stale: show what changed.
    refreshOnError: true,
    body: (x) => <p className="text-xs break-all text-muted-foreground">{t("planHash", { hash: x.planHash })}</p>,
  });
  const pending = m.state === "PENDING_APPROVAL";
  const why = m.can.whyNotApprove;

  return (
    <Card title={t("title")} description={t("progress", { approvals: m.approvals, required: m.requiredApprovals })}>
      <div className="space-y-4">
        {m.approvalsList.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-border text-sm" aria-label={t("decisions")}>
            {m.approvalsList.map((a, i) => (
              <li key={`${a.approverEmail}-${i}`} className="py-2 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{a.approverEmail}</span>
                  <Badge variant={a.decision === "APPROVE" ? "success" : "danger"}>
                    {a.decision === "APPROVE" ? t("approved") : t("rejected")}
                  </Badge>
                  {!a.current && <Badge>{t("voided")}</Badge>}
                  <time className="text-xs text-muted-foreground" dateTime={a.createdAt.toISOString()}>
                    {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </div>
                {a.reason && <p className="mt-1 break-words text-muted-foreground">{a.reason}</p>}
                {!a.current && <p className="mt-1 text-xs text-muted-foreground">{t("voidedHint")}</p>}
              </li>
            ))}
          </ul>
        )}
        {pending && (
          <div className="space-y-2">
            <div className="flex flex-wrap gap-2">
              <Button
                variant="primary"
                disabled={!m.can.approve}
                aria-describedby={why ? reasonId : undefined}
                onClick={() => approve.ask(m)}
              >
                {t("approve")}
              </Button>
              <Button
                variant="danger"
                disabled={!m.can.reject}
                aria-describedby={why ? reasonId : undefined}
                onClick={() => setRejecting(true)}
              >
                {t("reject")}
              </Button>
            </div>
            {why && (
              <p id={reasonId} className="text-sm text-muted-foreground" data-testid="why-not-approve">
                {why}
              </p>
            )}
            <p className="text-xs text-muted-foreground">
              {t("expires", { at: format.dateTime(m.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          </div>
        )}
      </div>
      {approve.dialog}
      <RejectDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        migrationId={m.id}
        planHash={m.planHash}
        onDone={() => {
          setRejecting(false);
          toast.success(t("rejectedToast"));
          void onChanged();
        }}
      />
    </Card>
  );
}
