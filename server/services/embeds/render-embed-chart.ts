// One embed link's chart as SVG. Series are shared for 10 s between everyone viewing the same link (and
// concurrent loads of one link wait for the same Prometheus query), so a popular wiki page costs Prometheus
// one query per link per refresh period rather than one per viewer.
import type { PrismaClient } from "../../generated/prisma/client";
import { renderChartSvg } from "../../embeds/render-chart-svg";
import type { PrometheusSettings } from "../metrics/resolve-prometheus";
import { loadEmbedSeries, type EmbedSeries } from "./load-embed-series";
import type { EmbedTarget } from "./resolve-embed-link";
import type { EmbedView } from "./embed-view";
import { TtlCache } from "./ttl-cache";

/** Matches the live refresh period and the image's max-age. */
export const SERIES_CACHE_TTL_MS = 10_000;

/** Plot widths series are queried for; a chart draws the series of the next size up (at most ~2 points a pixel). */
export const SERIES_WIDTHS = [240, 480, 960, 1940] as const;

export function seriesWidthFor(imageWidth: number): number {
  const plot = Math.max(50, imageWidth - 60);
  return SERIES_WIDTHS.find((w) => w >= plot) ?? 1940;
}

const KEY = Symbol.for("tern.embeds.seriesCache");
type WithCache = typeof globalThis & { [KEY]?: TtlCache<string, Promise<EmbedSeries>> };
const cache = () =>
  ((globalThis as WithCache)[KEY] ??= new TtlCache<string, Promise<EmbedSeries>>(SERIES_CACHE_TTL_MS, 1_000));

export async function renderEmbedChart(opts: {
  prisma: PrismaClient;
  link: EmbedTarget;
  view: EmbedView;
  now: Date;
  /** Where Prometheus is; from the environment when not given (tests pass a fake fetch here). */
  prometheus?: PrometheusSettings;
  /** Element id prefix when the SVG is inlined in a page. */
  idPrefix?: string;
}): Promise<string> {
  const { link, view, now } = opts;
  // The width picks the query step, so it is part of the key; the theme and zone are not (drawing only). It is
  // rounded up to one of a few sizes, so varying ?w= cannot make every request a cache miss (and a query).
  const queryWidth = seriesWidthFor(view.width);
  const key = `${link.id}|${queryWidth}`;
  let pending = cache().get(key, now.getTime());
  if (!pending) {
    pending = loadEmbedSeries({ prisma: opts.prisma, link, now, widthPx: queryWidth, prometheus: opts.prometheus });
    cache().set(key, pending, now.getTime());
    // A failed load is not kept: the next viewer tries again.
    void pending.catch(() => cache().deleteWhere((p) => p === pending));
  }
  const s = await pending;
  return renderChartSvg({
    title: link.title,
    unit: s.unit,
    series: s.series,
    width: view.width,
    height: view.height,
    theme: view.theme,
    sloLine: s.sloLine,
    from: s.from,
    to: s.to,
    now: now.getTime(),
    timeZone: view.timeZone,
    message: s.message,
    idPrefix: opts.idPrefix,
  });
}

/** Drops cached series (tests; and when a link is revoked nothing of it should linger). */
export function forgetEmbedSeries(linkId?: string): void {
  if (linkId === undefined) cache().clear();
  else cache().deleteWhere((_v, k) => k.startsWith(`${linkId}|`));
}
