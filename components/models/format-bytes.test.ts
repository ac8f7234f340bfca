import { describe, expect, it } from "vitest";
import { toByteUnit } from "./format-bytes";

describe("toByteUnit", () => {
  it("keeps small counts in bytes", () => {
    expect(toByteUnit(999)).toEqual({ value: 999, unit: "byte" });
  });
  it("steps by 1000 to the largest unit that keeps the value at least 1", () => {
    expect(toByteUnit(1000)).toEqual({ value: 1, unit: "kilobyte" });
    expect(toByteUnit(1_500_000_000)).toEqual({ value: 1.5, unit: "gigabyte" });
  });
  it("stops at petabytes", () => {
    expect(toByteUnit(2 ** 50 * 1000)).toMatchObject({ unit: "petabyte" });
    expect(toByteUnit(2 ** 50 * 1000).value).toBeGreaterThan(1000);
  });
});
