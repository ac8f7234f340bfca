"use client";
// The charts' time range (?range=24h) and live mode (?live=1) kept in the URL, so a view can be shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { DEFAULT_CHART_RANGE, isChartRange, type ChartRange } from "@/server/validation/metrics";

/** Live charts refetch this often; Prometheus scrapes every 5 s, so faster would only repeat samples. */
export const LIVE_INTERVAL_MS = 5_000;

export function useChartRange() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get("range");
  const fromUrl = { range: isChartRange(raw) ? raw : DEFAULT_CHART_RANGE, live: params.get("live") === "1" };
  // The choice shows at once; the URL follows a moment later (router.replace is asynchronous). Back/forward
  // or another toolbar changing the URL is adopted during render.
  const [chosen, setChosen] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen.range !== fromUrl.range || seen.live !== fromUrl.live) {
    setSeen(fromUrl);
    setChosen(fromUrl);
  }
  const { range, live } = chosen;

  // Both keys are written from the latest choice, so a quick second change (range, then live) does not undo
  // the first while the address bar still shows the old URL.
  const choose = useCallback(
    (change: Partial<typeof chosen>) => {
      const want = { ...chosen, ...change };
      setChosen(want);
      const next = new URLSearchParams(window.location.search);
      next.set("range", want.range);
      if (want.live) next.set("live", "1");
      else next.delete("live");
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [chosen, pathname, router],
  );

  return {
    range,
    live,
    setRange: useCallback((r: ChartRange) => choose({ range: r }), [choose]),
    setLive: useCallback((on: boolean) => choose({ live: on }), [choose]),
    /** For react-query: poll while live, otherwise fetch once per range. */
    refetchInterval: live ? LIVE_INTERVAL_MS : (false as const),
  };
}
