"use client";
// The tail of one of a deployment's pods' logs, read live from the cluster: pod picker, tail length,
// previous (crashed) container, timestamps, refresh and auto-refresh every 5 seconds.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { ErrorState } from "@/components/ui/ErrorState";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { buttonClasses } from "@/components/ui/styles";
import { useTRPC } from "@/components/trpc/client";

const TAIL_CHOICES = [50, 200, 500, 1000, 2000] as const;
const AUTO_REFRESH_MS = 5_000;

export function PodLogsPanel({ deploymentId }: { deploymentId: string }) {
  const t = useTranslations("deploy");
  const format = useFormatter();
  const trpc = useTRPC();
  const ids = { pod: useId(), tail: useId(), heading: useId() };
  const [pod, setPod] = useState<string | undefined>(undefined);
  const [tailLines, setTailLines] = useState<number>(200);
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [auto, setAuto] = useState(false);
  const q = useQuery({
    ...trpc.deployment.logs.queryOptions({
      id: deploymentId,
      ...(pod ? { pod } : {}),
      tailLines,
      previous,
      timestamps,
    }),
    refetchInterval: auto ? AUTO_REFRESH_MS : false,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const out = useRef<HTMLPreElement>(null);
  const lines = q.data?.lines;
  // Follow the end of the log, as `kubectl logs -f` does, unless the reader scrolled up to read.
  useEffect(() => {
    const el = out.current;
    if (!el) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 80 || el.dataset.followed !== "1") {
      el.scrollTop = el.scrollHeight;
      el.dataset.followed = "1";
    }
  }, [lines]);

  const data = q.data;
  const podGone = q.error?.data?.code === "NOT_FOUND" && pod !== undefined;
  const chosen = pod ?? data?.pod ?? undefined;

  return (
    <section className="space-y-2" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="text-sm font-semibold">
        {t("logs")}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.pod} className="text-xs text-muted-foreground">
            {t("logsPod")}
          </label>
          <Select
            id={ids.pod}
            controlSize="sm"
            value={chosen ?? ""}
            disabled={!data || data.pods.length === 0}
            onChange={(e) => setPod(e.target.value || undefined)}
            wrapperClassName="min-w-56"
          >
            {(data?.pods ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {t("logsPodOption", { name: p.name, phase: p.phase, ready: String(p.ready), restarts: p.restarts })}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.tail} className="text-xs text-muted-foreground">
            {t("logsTail")}
          </label>
          <Select
            id={ids.tail}
            controlSize="sm"
            value={tailLines}
            onChange={(e) => setTailLines(Number(e.target.value))}
          >
            {TAIL_CHOICES.map((n) => (
              <option key={n} value={n}>
                {t("logsTailOption", { count: n })}
              </option>
            ))}
          </Select>
        </div>
        <label className="flex h-8 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={previous}
            onChange={(e) => setPrevious(e.target.checked)}
          />
          {t("logsPrevious")}
        </label>
        <label className="flex h-8 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={timestamps}
            onChange={(e) => setTimestamps(e.target.checked)}
          />
          {t("logsTimestamps")}
        </label>
        <Button size="sm" onClick={() => void q.refetch()} loading={q.isFetching && !auto}>
          {t("logsRefresh")}
        </Button>
        <button
          type="button"
          aria-pressed={auto}
          onClick={() => setAuto(!auto)}
          className={buttonClasses({
            variant: "secondary",
            size: "sm",
            className: cn(auto && "border-success/50 text-success"),
          })}
        >
          <span
            aria-hidden="true"
            className={cn(
              "size-2 rounded-full",
              auto ? "bg-success motion-safe:animate-pulse" : "bg-muted-foreground/50",
            )}
          />
          {t("logsAutoRefresh")}
        </button>
      </div>
      {q.isLoading ? (
        <Skeleton className="h-64 w-full" />
      ) : podGone ? (
        <ErrorState title={t("logsPodGoneTitle")} message={q.error?.message} onRetry={() => setPod(undefined)} />
      ) : q.error ? (
        <ErrorState message={q.error.message} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : data ? (
        <>
          {data.error && (
            <p role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
              {t("logsClusterError", { message: data.error.message })}
            </p>
          )}
          {data.pods.length === 0 && !data.error ? (
            <p className="text-sm text-muted-foreground">{t("logsNoPods")}</p>
          ) : data.lines.length === 0 && !data.error ? (
            <p className="text-sm text-muted-foreground">{t("logsEmpty")}</p>
          ) : data.lines.length > 0 ? (
            <pre
              ref={out}
              role="log"
              aria-live="off"
              aria-label={t("logsOutputLabel", { pod: data.pod ?? "", container: data.container ?? "" })}
              tabIndex={0}
              className="max-h-96 overflow-auto rounded-lg border border-border bg-muted/40 p-3 font-mono text-xs leading-relaxed whitespace-pre"
            >
              {data.lines.join("\n")}
            </pre>
          ) : null}
          <p className="text-xs text-muted-foreground">
            {data.pod
              ? t("logsFetched", {
                  count: data.lines.length,
                  pod: data.pod,
                  container: data.container ?? "",
                  at: format.dateTime(data.fetchedAt, { timeStyle: "medium" }),
                })
              : null}
            {data.truncated ? ` ${t("logsTruncated")}` : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
