"use client";
// A new embed link's snippets to copy (iframe, Markdown and HTML image, plain URLs) and a preview, shown once.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import type { CreatedEmbedDto } from "@/server/validation/embed";
import { embedSnippets } from "./embed-snippets";

function Snippet({ label, hint, value }: { label: string; hint?: string; value: string }) {
  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-foreground">{label}</span>
        <CopyButton value={value} label={label} showText />
      </div>
      <pre className="overflow-x-auto rounded-md border border-border bg-muted/50 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap">
        {value}
      </pre>
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

export function EmbedSnippetsView({ link }: { link: CreatedEmbedDto }) {
  const t = useTranslations("embeds");
  const format = useFormatter();
  // The snippets use the address the operator reached Tern by, which is also the one wiki readers can reach.
  const s = useMemo(() => embedSnippets({ origin: window.location.origin, ...link }), [link]);
  return (
    <div className="space-y-4">
      <p role="status" className="rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-foreground">
        {t("shownOnce")} {t("expiresOn", { date: format.dateTime(link.expiresAt, { dateStyle: "medium" }) })}
      </p>
      <figure className="overflow-hidden rounded-md border border-border">
        <img
          src={`${link.svgPath}?preview=1`}
          alt={t("previewAlt")}
          width={800}
          height={300}
          className="h-auto w-full"
        />
      </figure>
      <Snippet label={t("iframeTitle")} hint={t("iframeHint")} value={s.iframe} />
      <Snippet label={t("markdownTitle")} hint={t("imageHint")} value={s.markdown} />
      <Snippet label={t("htmlTitle")} value={s.html} />
      <Snippet label={t("pageUrl")} value={s.pageUrl} />
      <Snippet label={t("imageUrl")} value={s.imageUrl} />
      <Link href="/settings/embeds" className="text-sm text-primary hover:underline">
        {t("manageLinks")}
      </Link>
    </div>
  );
}
