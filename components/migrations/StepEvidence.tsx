"use client";
// One step's evidence, readable: the golden-set diff table, latency figures, traffic weights, then the rest.
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { compactJson, readEvidence, type GoldenCaseView } from "./step-evidence";

/** Source vs target answers per case (golden set or shadowed live requests); differing rows are marked. */
function CaseTable({
  title,
  caption,
  cases,
  summary,
}: {
  title: string;
  caption: string;
  cases: GoldenCaseView[];
  summary?: string;
}) {
  const t = useTranslations("migrations.evidence");
  const format = useFormatter();
  const n = (x: number | null) => (x === null ? "—" : format.number(x, { maximumSignificantDigits: 4 }));
  return (
    <div className="space-y-1">
      <p className="font-medium">
        {title}
        {summary && <span className="ml-2 font-normal text-muted-foreground">{summary}</span>}
      </p>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full text-xs">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-muted/50">
            <tr>
              {(["case", "input", "expected", "source", "target", "maxAbsDiff", "result"] as const).map((h) => (
                <th key={h} scope="col" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                  {t(`cols.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr
                key={c.index}
                className={cn("border-t border-border", c.ok === false && "bg-danger/5")}
                data-ok={c.ok ?? undefined}
              >
                <td className="px-2 py-1 tabular-nums">{c.index + 1}</td>
                <td className="px-2 py-1 font-mono">{compactJson(c.input, 40)}</td>
                <td className="px-2 py-1 font-mono">{compactJson(c.expected, 40)}</td>
                <td className="px-2 py-1 font-mono">{compactJson(c.source, 40)}</td>
                <td className="px-2 py-1 font-mono">{compactJson(c.target, 40)}</td>
                <td className="px-2 py-1 tabular-nums">{n(c.maxAbsDiff)}</td>
                <td
                  className={cn(
                    "px-2 py-1 font-medium",
                    c.ok === false ? "text-danger" : c.ok ? "text-success" : "text-muted-foreground",
                  )}
                >
                  {c.ok === null ? "—" : c.ok ? t("match") : t("differs")}
                  {c.error && <span className="block min-w-48 font-normal text-danger">{c.error}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function StepEvidence({ evidence, label }: { evidence: Record<string, unknown>; label: string }) {
  const t = useTranslations("migrations.evidence");
  const format = useFormatter();
  const v = readEvidence(evidence);
  const n = (x: number | null) => (x === null ? "—" : format.number(x, { maximumSignificantDigits: 4 }));
  if (!v.golden && !v.latency.length && !v.weights.length && !v.other.length) return null;
  return (
    <div className="mt-3 space-y-3 text-sm">
      {v.golden && (
        <CaseTable
          title={t("golden")}
          caption={t("goldenCaption", { step: label })}
          cases={v.golden}
          summary={
            v.goldenSummary?.passed !== null && v.goldenSummary?.passed !== undefined
              ? t("goldenSummary", {
                  passed: v.goldenSummary.passed,
                  failed: v.goldenSummary.failed ?? 0,
                  max: n(v.goldenSummary.maxAbsDiff),
                })
              : undefined
          }
        />
      )}
      {v.shadow && v.shadow.length > 0 && (
        <CaseTable title={t("shadow")} caption={t("shadowCaption", { step: label })} cases={v.shadow} />
      )}
      {v.latency.length > 0 && (
        <dl className="flex flex-wrap gap-x-6 gap-y-1" aria-label={t("latency")}>
          {v.latency.map((l) => (
            <div key={l.key}>
              <dt className="text-xs text-muted-foreground">{l.key}</dt>
              <dd className="tabular-nums">{t("ms", { ms: format.number(l.ms, { maximumFractionDigits: 1 }) })}</dd>
            </div>
          ))}
        </dl>
      )}
      {v.weights.length > 0 && (
        <div aria-label={t("weights")} role="group" className="space-y-1">
          <p className="text-xs text-muted-foreground">{t("weights")}</p>
          <ul className="flex flex-wrap gap-4">
            {v.weights.map((w) => (
              <li key={w.backend} className="tabular-nums">
                <span className="font-medium">{w.backend}</span> {w.weight} %
              </li>
            ))}
          </ul>
        </div>
      )}
      {v.other.length > 0 && (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          {v.other.map((o) => (
            <div key={o.key} className="contents">
              <dt className="text-xs text-muted-foreground">{o.key}</dt>
              <dd className="font-mono text-xs break-all">
                {typeof o.value === "number" && /ratio$/i.test(o.key)
                  ? format.number(o.value, { style: "percent", maximumFractionDigits: 2 })
                  : compactJson(o.value, 300)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
