"use client";
// The charts' time range (?range=24h) and live mode (?live=1) kept in the URL, so a view can be shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_CHART_RANGE, isChartRange, type ChartRange } from "@/server/validation/metrics";

/** Live charts refetch this often; Prometheus scrapes every 5 s, so faster would only repeat samples. */
export const LIVE_INTERVAL_MS = 5_000;

export function useChartRange() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get("range");
  const range: ChartRange = isChartRange(raw) ? raw : DEFAULT_CHART_RANGE;
  const live = params.get("live") === "1";

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      // The address bar, not the last render's params: two quick changes (range, then live) must both stick.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  return {
    range,
    live,
    setRange: useCallback((r: ChartRange) => update({ range: r }), [update]),
    setLive: useCallback((on: boolean) => update({ live: on ? "1" : null }), [update]),
    /** For react-query: poll while live, otherwise fetch once per range. */
    refetchInterval: live ? LIVE_INTERVAL_MS : (false as const),
  };
}
