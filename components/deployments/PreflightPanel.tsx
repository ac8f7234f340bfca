"use client";
// Shows the preflight verdict while the deploy form is filled in: GPUs free, residency, format support.
import { useTranslations } from "next-intl";
import type { PreflightDto } from "@/server/validation/deployment";
import { Spinner } from "@/components/ui/Spinner";

function Row({ ok, warn, label, detail }: { ok: boolean; warn?: boolean; label: string; detail: string }) {
  const tone = ok ? "text-success" : warn ? "text-warning" : "text-danger";
  return (
    <li className="flex gap-3 text-sm">
      <span className={`w-5 font-semibold ${tone}`} aria-hidden="true">
        {ok ? "✓" : warn ? "!" : "✕"}
      </span>
      <span>
        <span className="font-medium">{label}</span> <span className="text-muted-foreground">{detail}</span>
      </span>
    </li>
  );
}

export function PreflightPanel({
  data,
  loading,
  error,
}: {
  data: PreflightDto | undefined;
  loading: boolean;
  error: string | null;
}) {
  const t = useTranslations("deploy");
  return (
    <section
      aria-labelledby="preflight-title"
      aria-live="polite"
      className="space-y-3 rounded-lg border border-border p-4"
    >
      <h2 id="preflight-title" className="flex items-center gap-2 text-sm font-semibold">
        {t("preflightTitle")} {loading && <Spinner size="sm" label={t("checking")} />}
      </h2>
      {error && <p className="text-sm text-danger">{error}</p>}
      {!data && !error && <p className="text-sm text-muted-foreground">{t("preflightHint")}</p>}
      {data && (
        <>
          <ul className="space-y-2">
            <Row
              ok={data.capacity.ok}
              warn
              label={t("capacity")}
              detail={
                data.capacity.free === null
                  ? t("capacityUnknown", { gpuType: data.capacity.gpuType })
                  : t("capacityDetail", {
                      needed: data.capacity.needed,
                      free: data.capacity.free,
                      gpuType: data.capacity.gpuType,
                    })
              }
            />
            <Row
              ok={data.residency.ok}
              label={t("residency")}
              detail={
                data.residency.required.length
                  ? t("residencyDetail", {
                      required: data.residency.required.join(", "),
                      cluster: data.residency.cluster.join(", ") || "—",
                    })
                  : t("residencyAny")
              }
            />
            <Row
              ok={data.format.ok}
              label={t("format")}
              detail={t("formatDetail", { format: data.format.format, image: data.format.runtimeImage })}
            />
          </ul>
          {data.problems.map((p) => (
            <p key={p} role="alert" className="rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
              {p}
            </p>
          ))}
          {data.warnings.map((w) => (
            <p key={w} className="rounded-md bg-warning/10 px-3 py-2 text-sm text-warning">
              {w}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
