// What a chart shows instead of lines: "no data yet", or what went wrong with Prometheus.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/Icon";

export type ChartMessageProps = {
  title: ReactNode;
  hint?: ReactNode;
  tone?: "neutral" | "danger";
};

export function ChartMessage({ title, hint, tone = "neutral" }: ChartMessageProps) {
  return (
    <div
      className={cn(
        "flex h-full flex-col items-center justify-center gap-1 rounded-md border border-dashed px-4 text-center",
        tone === "danger" ? "border-danger/30 bg-danger/5" : "border-border",
      )}
    >
      {tone === "danger" && <Icon name="alertCircle" className="size-5 text-danger" />}
      <p className="max-w-md text-sm font-medium break-words text-foreground">{title}</p>
      {hint && <p className="max-w-md text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}
