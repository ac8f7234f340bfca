"use client";
// Live mode on or off: a toggle button (aria-pressed); while on, charts refetch every 5 seconds.
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { buttonClasses } from "@/components/ui/styles";

export type LiveToggleProps = {
  live: boolean;
  onChange: (live: boolean) => void;
  className?: string;
};

export function LiveToggle({ live, onChange, className }: LiveToggleProps) {
  const t = useTranslations("charts");
  return (
    <button
      type="button"
      aria-pressed={live}
      title={t("liveHint")}
      onClick={() => onChange(!live)}
      className={buttonClasses({
        variant: "secondary",
        size: "sm",
        className: cn(live && "border-success/50 text-success", className),
      })}
    >
      <span
        aria-hidden="true"
        className={cn("size-2 rounded-full", live ? "bg-success motion-safe:animate-pulse" : "bg-muted-foreground/50")}
      />
      {t("live")}
    </button>
  );
}
