// A team's GPU prices by provider × region × GPU type, with their history: the price in force at a moment is
// the latest whose effective date is not after it (as Tern's /metrics exports it).
import type { TeamScope } from "../context";
import type { ChartPoint, ChartSeries } from "../../validation/metrics";
import type { ChartError } from "../../validation/metrics";

export interface PriceRow {
  pricePerHour: number;
  currency: string;
  effectiveMs: number;
}

export interface PriceKey {
  provider: string;
  region: string;
  gpuType: string;
}

const keyOf = (k: PriceKey) => `${k.provider}\u0000${k.region}\u0000${k.gpuType}`;

export interface PriceBook {
  /** Rows for one key, oldest first. */
  rows(k: PriceKey): PriceRow[];
  /** The price in force at `tMs`, or null before the first one. */
  at(k: PriceKey, tMs: number): PriceRow | null;
}

export async function loadPriceBook(opts: Pick<TeamScope, "prisma" | "teamId">): Promise<PriceBook> {
  const rows = await opts.prisma.gpuPrice.findMany({
    where: { teamId: opts.teamId },
    select: { provider: true, region: true, gpuType: true, pricePerHour: true, currency: true, effectiveDate: true },
    orderBy: { effectiveDate: "asc" },
  });
  const book = new Map<string, PriceRow[]>();
  for (const r of rows) {
    const price = Number(r.pricePerHour);
    if (!Number.isFinite(price) || price < 0) continue;
    const k = keyOf(r);
    const list = book.get(k) ?? [];
    list.push({ pricePerHour: price, currency: r.currency, effectiveMs: r.effectiveDate.getTime() });
    book.set(k, list);
  }
  return {
    rows: (k) => book.get(keyOf(k)) ?? [],
    at: (k, tMs) => {
      let found: PriceRow | null = null;
      for (const r of book.get(keyOf(k)) ?? []) if (r.effectiveMs <= tMs) found = r;
      return found;
    },
  };
}

export function noPriceError(k: PriceKey, cluster?: string): ChartError {
  return {
    kind: "no_price",
    message: `there is no GPU price for ${k.provider} ${k.region} ${k.gpuType}; add one on the GPU prices page to see cost`,
    ...(cluster ? { cluster } : {}),
  };
}

/**
 * Cost per hour from ready replicas, for a cluster whose own Prometheus has no Tern gauges to join with:
 * ready × GPUs per replica × the price in force at each point, one series per currency.
 */
export function costFromReady(
  ready: readonly ChartPoint[],
  gpusPerReplica: number,
  key: PriceKey,
  prices: PriceBook,
): ChartSeries[] {
  const byCurrency = new Map<string, ChartPoint[]>();
  const currencies = new Set(prices.rows(key).map((r) => r.currency));
  for (const c of currencies) byCurrency.set(c, []);
  for (const [t, v] of ready) {
    const p = prices.at(key, t);
    for (const [c, list] of byCurrency)
      list.push([t, v !== null && p && p.currency === c ? v * gpusPerReplica * p.pricePerHour : null]);
  }
  return [...byCurrency.entries()].map(([currency, points]) => ({ name: "cost", currency, points }));
}
