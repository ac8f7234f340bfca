"use client";
// Formats an amount in the plan's currency (or as a bare number when the plan has none), "—" when unknown.
import { useFormatter } from "next-intl";

export function useMoney(currency: string | null) {
  const format = useFormatter();
  const valid = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  return (v: number | null, opts: { signed?: boolean } = {}) => {
    if (v === null) return "—";
    const sign = opts.signed ? ("exceptZero" as const) : ("auto" as const);
    return valid
      ? format.number(v, { style: "currency", currency: valid, maximumFractionDigits: 2, signDisplay: sign })
      : format.number(v, { maximumFractionDigits: 2, signDisplay: sign });
  };
}
