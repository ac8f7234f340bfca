// Message keys for embed link ranges (minutes → "embeds.ranges.*").
import type { EMBED_RANGES } from "@/server/validation/embed";

export type EmbedRange = (typeof EMBED_RANGES)[number];

export const RANGE_KEYS = { 15: "m15", 60: "h1", 360: "h6", 1440: "h24", 10_080: "d7" } as const satisfies Record<
  EmbedRange,
  string
>;

export function rangeKey(minutes: number): (typeof RANGE_KEYS)[EmbedRange] {
  return RANGE_KEYS[minutes as EmbedRange] ?? "h1";
}
