// Cost per month of a placement from catalog prices (730 hours a month, as cloud price pages count).
export const HOURS_PER_MONTH = 730;

export interface Price {
  pricePerHour: number;
  currency: string;
}

export function monthly(price: Price | null, gpus: number): number | null {
  return price ? round2(price.pricePerHour * gpus * HOURS_PER_MONTH) : null;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** Before / after / overlap, never adding different currencies. */
export function costForecast(opts: {
  source: Price | null;
  target: Price | null;
  sourceGpus: number;
  targetGpus: number;
  overlapHours: number;
}) {
  const { source, target } = opts;
  const notes: string[] = [];
  const before = monthly(source, opts.sourceGpus);
  const after = monthly(target, opts.targetGpus);
  if (!source) notes.push("no catalog price for the source's GPU type and region: add one on the GPU prices page");
  if (!target) notes.push("no catalog price for the target's GPU type and region: add one on the GPU prices page");
  if (source && target && source.currency !== target.currency) {
    notes.push(`prices are in ${source.currency} and ${target.currency}; Tern does not add different currencies`);
    return {
      currency: null,
      sourceCurrency: source.currency,
      targetCurrency: target.currency,
      beforePerMonth: before,
      afterPerMonth: after,
      overlapCost: null,
      deltaPerMonth: null,
      deltaPercent: null,
      notes,
    };
  }
  const currency = source?.currency ?? target?.currency ?? null;
  const overlap =
    source && target
      ? round2((source.pricePerHour * opts.sourceGpus + target.pricePerHour * opts.targetGpus) * opts.overlapHours)
      : null;
  const delta = before !== null && after !== null ? round2(after - before) : null;
  const pct = delta !== null && before ? round2((delta / before) * 100) : null;
  return {
    currency,
    sourceCurrency: source?.currency ?? null,
    targetCurrency: target?.currency ?? null,
    beforePerMonth: before,
    afterPerMonth: after,
    overlapCost: overlap,
    deltaPerMonth: delta,
    deltaPercent: pct,
    notes,
  };
}
