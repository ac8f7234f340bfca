// GET /api/embed/<token>/svg: the chart as an image, for wikis that allow only images. The token opens
// this one chart and nothing else; unknown, expired and revoked tokens get one identical 404.
import type { PrismaClient } from "../../generated/prisma/client";
import { embedSvgHeaders, notFoundSvgHeaders } from "./embed-headers";
import { notFoundSvg } from "./embed-page-html";
import { embedText } from "./embed-text";
import { parseEmbedView } from "./embed-view";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";
import { recordEmbedUse } from "./record-embed-use";
import { renderEmbedChart } from "./render-embed-chart";
import { resolveEmbedLink } from "./resolve-embed-link";
import { logger } from "../../log";

export interface ServeEmbedOptions {
  prisma: PrismaClient;
  token: string;
  request: Request;
  now?: Date;
  prometheus?: PrometheusSettings;
}

export async function serveEmbedSvg(opts: ServeEmbedOptions): Promise<Response> {
  const now = opts.now ?? new Date();
  const view = parseEmbedView(new URL(opts.request.url), opts.request.headers.get("accept-language"));
  const link = await resolveEmbedLink({ prisma: opts.prisma, token: opts.token, now });
  if (!link) {
    const t = embedText(view.locale);
    return new Response(notFoundSvg({ title: t("unavailableTitle"), body: t("imageBody") }), {
      status: 404,
      headers: notFoundSvgHeaders(),
    });
  }
  // Tern's own preview (right after creating a link) is not a wiki reader's view.
  const preview = new URL(opts.request.url).searchParams.get("preview") === "1";
  if (!preview) await recordEmbedUse({ prisma: opts.prisma, id: link.id, now }).catch(logUseError);
  const svg = await renderEmbedChart({ prisma: opts.prisma, link, view, now, prometheus: opts.prometheus });
  return new Response(svg, { status: 200, headers: embedSvgHeaders() });
}

export function logUseError(e: unknown): void {
  // Losing a "last used" time is not worth failing a chart for.
  logger("embeds").error("could not record embed use", e);
}
