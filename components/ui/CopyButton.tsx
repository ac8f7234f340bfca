"use client";
// Copies a value (an endpoint, an id, a command) and confirms with a toast and a brief check mark.
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { Icon } from "./Icon";
import type { ButtonSize, ButtonVariant } from "./styles";

export type CopyButtonProps = {
  value: string;
  /** What is copied ("endpoint"), for the accessible name "Copy endpoint"; plain "Copy" when omitted. */
  label?: string;
  /** Show the word "Copy" next to the icon. */
  showText?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // The async clipboard API exists only on https and localhost; an operator on a plain-http
  // intranet address still needs copy to work.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    if (!document.execCommand("copy")) throw new Error("copy command was refused");
  } finally {
    area.remove();
  }
}

export function CopyButton({ value, label, showText = false, variant = "ghost", size, className }: CopyButtonProps) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await writeClipboard(value);
      setCopied(true);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };

  const name = label ? t("copyValue", { label }) : t("copy");
  return (
    <Button
      variant={variant}
      size={size ?? (showText ? "sm" : "icon-sm")}
      aria-label={showText ? undefined : name}
      title={showText ? undefined : name}
      className={className}
      onClick={() => void copy()}
    >
      <Icon name={copied ? "check" : "copy"} className={copied ? "size-4 text-success" : "size-4"} />
      {showText && t("copy")}
    </Button>
  );
}
