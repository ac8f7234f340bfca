"use client";
// The width of the element holding the charts, in 100 px steps: sent as widthPx so the server fetches no more
// points than can be drawn, without refetching on every pixel of a resize.
import { useCallback, useRef, useState } from "react";

const BUCKET_PX = 100;

export function useChartWidth<T extends HTMLElement>(): [(el: T | null) => void, number | undefined] {
  const [width, setWidth] = useState<number | undefined>(undefined);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.min(10_000, Math.max(BUCKET_PX, Math.ceil(w / BUCKET_PX) * BUCKET_PX)));
    };
    measure(el.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    observer.current.observe(el);
  }, []);
  return [ref, width];
}
