// Which Prometheus did not answer when a page shows partial results: one line per cluster (or the shared one).
import { useTranslations } from "next-intl";
import type { ChartError } from "@/server/validation/metrics";

export function ChartErrorList({ errors }: { errors: readonly ChartError[] }) {
  const t = useTranslations("charts");
  if (!errors.length) return null;
  return (
    <div role="status" className="rounded-lg border border-warning/30 bg-warning/5 px-4 py-3 text-sm">
      <p className="font-medium text-foreground">{t("partial")}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-muted-foreground">
        {errors.map((e, i) => (
          <li key={`${e.cluster ?? ""}-${i}`} className="break-words">
            {t("failedCluster", {
              cluster: e.cluster ?? t("sharedPrometheus"),
              message: t(`errors.${e.kind}`, { message: e.message }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
