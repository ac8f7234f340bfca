// Picks a readable unit for a byte count (decimal, 1 kB = 1000 B, as Intl's unit names mean).
export const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte"] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

export function toByteUnit(bytes: number): { value: number; unit: ByteUnit } {
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000;
    i += 1;
  }
  return { value, unit: BYTE_UNITS[i] ?? "byte" };
}
