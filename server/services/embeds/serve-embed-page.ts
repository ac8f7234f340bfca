// GET /embed/<token>: the framable chart page for wikis. No session, no links, no buttons; only the team's
// allowed wiki origins may frame it (CSP frame-ancestors, set per team here rather than in next.config).
import { randomBytes } from "node:crypto";
import { embedPageHeaders, notFoundPageHeaders } from "./embed-headers";
import { embedPageHtml, notFoundPageHtml } from "./embed-page-html";
import { embedText } from "./embed-text";
import { parseEmbedView, viewQuery } from "./embed-view";
import { recordEmbedUse } from "./record-embed-use";
import { renderEmbedChart } from "./render-embed-chart";
import { resolveEmbedLink } from "./resolve-embed-link";
import { logUseError, type ServeEmbedOptions } from "./serve-embed-svg";

export async function serveEmbedPage(opts: ServeEmbedOptions): Promise<Response> {
  const now = opts.now ?? new Date();
  const view = parseEmbedView(new URL(opts.request.url), opts.request.headers.get("accept-language"));
  const t = embedText(view.locale);
  const link = await resolveEmbedLink({ prisma: opts.prisma, token: opts.token, now });
  if (!link) {
    return new Response(
      notFoundPageHtml({ locale: view.locale, title: t("unavailableTitle"), body: t("unavailableBody") }),
      {
        status: 404,
        headers: notFoundPageHeaders(),
      },
    );
  }
  await recordEmbedUse({ prisma: opts.prisma, id: link.id, now }).catch(logUseError);
  const svg = await renderEmbedChart({
    prisma: opts.prisma,
    link,
    view,
    now,
    prometheus: opts.prometheus,
    idPrefix: "c",
  });
  const nonce = randomBytes(16).toString("base64");
  // Live: the time of this drawing (the script updates it); fixed: where the period ends.
  const shownAt = link.live ? now : link.createdAt;
  const format = new Intl.DateTimeFormat(
    view.locale,
    link.live
      ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: view.timeZone }
      : { dateStyle: "medium", timeStyle: "short", timeZone: view.timeZone },
  );
  const html = embedPageHtml({
    nonce,
    locale: view.locale,
    title: link.title,
    svg,
    live: link.live,
    svgSrc: `/api/embed/${opts.token}/svg?${viewQuery(view)}`,
    theme: view.theme,
    timeZone: view.timeZone,
    text: { brand: t("brand"), status: link.live ? t("live") : t("fixed"), gone: t("unavailableTitle") },
    updated: { text: format.format(shownAt), iso: shownAt.toISOString() },
  });
  return new Response(html, { status: 200, headers: embedPageHeaders({ nonce, origins: link.frameOrigins }) });
}
