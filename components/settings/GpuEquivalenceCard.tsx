"use client";
// The team's GPU equivalence table: one row per GPU type with its throughput (A100 = 1.0); operators edit a row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ServerError } from "@/components/forms/ServerError";
import { useCurrentTeam } from "@/components/session/useCurrentTeam";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZGpuEquivalence } from "@/server/validation/migration";

export function GpuEquivalenceCard() {
  const t = useTranslations("settings.equivalence");
  const trpc = useTRPC();
  const { can } = useCurrentTeam();
  const q = useQuery(trpc.settings.gpuEquivalence.queryOptions());
  return (
    <Card title={t("title")} description={t("description")} className="max-w-2xl">
      {q.isLoading ? (
        <Skeleton className="h-48 w-full" />
      ) : q.error ? (
        <ErrorState message={readError(q.error).message} onRetry={() => void q.refetch()} />
      ) : !q.data?.items.length ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          {!can("OPERATOR") && <p className="mb-3 text-sm text-muted-foreground">{t("readOnly")}</p>}
          <ul className="divide-y divide-border" aria-label={t("title")}>
            {q.data.items.map((row) => (
              <EquivalenceRow key={`${row.gpuType}:${row.throughput}`} row={row} editable={can("OPERATOR")} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function EquivalenceRow({
  row,
  editable,
}: {
  row: { gpuType: string; throughput: number; isDefault: boolean };
  editable: boolean;
}) {
  const t = useTranslations("settings.equivalence");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [value, setValue] = useState(String(row.throughput));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.settings.saveGpuEquivalence.mutationOptions({
      onSuccess: async (_d, v) => {
        toast.success(t("saved", { gpuType: v.gpuType, throughput: String(v.throughput) }));
        await qc.invalidateQueries({ queryKey: trpc.settings.gpuEquivalence.queryKey() });
      },
      onError: (e) => setError(readError(e).message),
    }),
  );
  const id = `gpu-eq-${row.gpuType}`;
  return (
    <li className="py-2">
      <form
        noValidate
        className="flex flex-wrap items-center gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZGpuEquivalence.safeParse({ gpuType: row.gpuType, throughput: value });
          if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "invalid");
          setError(null);
          save.mutate(parsed.data);
        }}
      >
        <label htmlFor={id} className="w-32 font-mono text-sm">
          {row.gpuType}
        </label>
        <Input
          id={id}
          className="w-28"
          inputMode="decimal"
          value={value}
          disabled={!editable}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            const parsed = ZGpuEquivalence.shape.throughput.safeParse(e.target.value);
            setError(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
          }}
        />
        <Badge variant={row.isDefault ? "neutral" : "info"}>{row.isDefault ? t("default") : t("own")}</Badge>
        {editable && value !== String(row.throughput) && (
          <Button type="submit" size="sm" loading={save.isPending}>
            {t("save")}
          </Button>
        )}
      </form>
      <ServerError message={error} />
    </li>
  );
}
