"use client";
// Scale a deployment within its autoscaling bounds.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";

export function ScaleControl({ id, replicas, min, max }: { id: string; replicas: number; min: number; max: number }) {
  const t = useTranslations("deploy");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [value, setValue] = useState(String(replicas));
  const n = Number(value);
  const invalid = !Number.isInteger(n) || n < min || n > max;
  const scale = useMutation(
    trpc.deployment.scale.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("scaled", { replicas: r.replicas }));
        await qc.invalidateQueries({ queryKey: trpc.deployment.pathKey() });
      },
      onError: (e) => toast.error(readError(e).message),
    }),
  );
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) scale.mutate({ id, replicas: n });
      }}
    >
      <label className="grid gap-1 text-sm">
        <span>{t("replicas")}</span>
        <Input
          type="number"
          min={min}
          max={max}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby="scale-hint"
          className="w-24"
        />
      </label>
      <Button type="submit" loading={scale.isPending} disabled={invalid || n === replicas}>
        {t("scale")}
      </Button>
      <span id="scale-hint" className={`pb-2 text-xs ${invalid ? "text-danger" : "text-muted-foreground"}`}>
        {t("scaleBounds", { min, max })}
      </span>
    </form>
  );
}
