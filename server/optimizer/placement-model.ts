// The placement program as HiGHS arrays (no LP text to write or parse), with interchangeable movers grouped in classes.
import type { AllowedPlacements, PlacementOption } from "./allowed-placements";
import type { PlacementProblem } from "./placement-problem";

/**
 * A copy placed on a cluster where the deployment does not run now costs its pool's price for its GPUs (running plus
 * overlap) and the deployment's egress, nothing else. So one-copy deployments with the same options (pool and GPUs)
 * are interchangeable as movers: a class shares one integer column per pool counting its movers there, plus per member
 * a binary "moves away" (charged its own egress) and binaries for its options on its current clusters. That removes
 * the solver's symmetric branches (which mover takes which slot) without changing the optimum: a mover assigned to a
 * pool on its own current cluster costs at most what the class column charged.
 */
export interface MoverClass {
  /** Deployment indices; movers take the class's pool counts in this order. */
  members: number[];
}

export type PlacementColumn =
  /** Deployment `deployment` takes its option `option` (0/1). */
  | { kind: "option"; deployment: number; option: number }
  /** A member of a mover class moves to a cluster where it does not run now (0/1). */
  | { kind: "mover"; deployment: number }
  /** How many of class `cls`'s movers go to the pool of (every member's) option `option`. */
  | { kind: "count"; cls: number; option: number };

/** Constraint groups, by id: `place:<d>`, `pool:<p>`, `spread:<d>`, `moves`; the infeasibility search switches them off. */
export interface PlacementModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** The constraint matrix by rows (CSR). */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  classes: MoverClass[];
  columns: PlacementColumn[];
  groups: string[];
}

export interface ModelOptions {
  disabled?: ReadonlySet<string>;
  /** Mover classes (off for the infeasibility search, whose groups name deployments one by one). */
  aggregate?: boolean;
}

function signature(opts: PlacementOption[]): string {
  return opts.map((o) => `${o.pool}:${o.gpus}`).join("|");
}

export function buildPlacementModel(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  { disabled = new Set(), aggregate = true }: ModelOptions = {},
): PlacementModel {
  const { options: o } = problem;
  const horizon = Math.max(o.horizonMonths, 1e-9);
  const clusterIndex = new Map(problem.clusters.map((c, i) => [c.id, i]));
  const local = problem.deployments.map((d) => new Set(d.currentClusterIds.map((id) => clusterIndex.get(id))));
  const bySignature = new Map<string, number[]>();
  allowed.options.forEach((opts, di) => {
    if (!aggregate || allowed.copies[di] !== 1) return;
    const key = signature(opts);
    bySignature.set(key, [...(bySignature.get(key) ?? []), di]);
  });
  const classes: MoverClass[] = [...bySignature.values()].filter((m) => m.length > 1).map((members) => ({ members }));
  const inClass = new Set(classes.flatMap((c) => c.members));
  const moverOf = new Map<number, number>();

  const columns: PlacementColumn[] = [];
  const colCost: number[] = [];
  const colUpper: number[] = [];
  const byPool = new Map<number, [number, number][]>();
  const moveTerms: [number, number][] = [];
  const rows: { terms: [number, number][]; lower: number; upper: number }[] = [];
  const groups: string[] = [];
  const on = (group: string) => {
    groups.push(group);
    return !disabled.has(group);
  };
  const column = (c: PlacementColumn, cost: number, upper: number, pool: PlacementOption | null, move: boolean) => {
    const j = columns.length;
    columns.push(c);
    colCost.push(cost);
    colUpper.push(upper);
    if (pool) {
      if (!byPool.has(pool.pool)) byPool.set(pool.pool, []);
      byPool.get(pool.pool)!.push([j, pool.gpus]);
    }
    if (move) moveTerms.push([j, 1]);
    return j;
  };

  for (const [di, opts] of allowed.options.entries()) {
    const k = allowed.copies[di]!;
    const grouped = inClass.has(di);
    const mine: number[] = [];
    const place: [number, number][] = [];
    opts.forEach((x, option) => {
      // A class member keeps its own columns only for its current clusters; its moves go through the class.
      if (grouped && !local[di]!.has(x.cluster)) return;
      const j = column({ kind: "option", deployment: di, option }, x.objective, 1, x, !x.isCurrent);
      mine.push(j);
      place.push([j, 1]);
    });
    if (grouped) {
      const j = column({ kind: "mover", deployment: di }, allowed.egress[di]! / horizon, 1, null, true);
      moverOf.set(di, j);
      place.push([j, 1]);
    }
    if (on(`place:${di}`)) rows.push({ terms: place, lower: k, upper: k });
    if (k > 1 && on(`spread:${di}`)) {
      // One copy per cluster, and no cloud holds all k copies (so at least 2 clouds).
      const perCluster = new Map<number, number[]>();
      const perCloud = new Map<string, number[]>();
      opts.forEach((x, i) => {
        perCluster.set(x.cluster, [...(perCluster.get(x.cluster) ?? []), mine[i]!]);
        const cloud = problem.clusters[x.cluster]!.cloud;
        perCloud.set(cloud, [...(perCloud.get(cloud) ?? []), mine[i]!]);
      });
      for (const js of perCluster.values())
        if (js.length > 1) rows.push({ terms: js.map((j) => [j, 1]), lower: -Infinity, upper: 1 });
      for (const js of perCloud.values())
        if (js.length >= k) rows.push({ terms: js.map((j) => [j, 1]), lower: -Infinity, upper: k - 1 });
    }
  }
  classes.forEach((cls, ci) => {
    const n = cls.members.length;
    const terms: [number, number][] = [];
    allowed.options[cls.members[0]!]!.forEach((x, option) => {
      const price = allowed.pools[x.pool]!.pricePerGpuHour * x.gpus;
      const cost = price * o.hoursPerMonth + (price * o.overlapHours) / horizon;
      const upper = Math.min(n, Math.floor(allowed.pools[x.pool]!.capacity / x.gpus));
      terms.push([column({ kind: "count", cls: ci, option }, cost, upper, x, false), 1]);
    });
    // The class's counts add up to its movers.
    for (const di of cls.members) terms.push([moverOf.get(di)!, -1]);
    rows.push({ terms, lower: 0, upper: 0 });
  });
  for (const [p, pool] of allowed.pools.entries()) {
    const terms = byPool.get(p);
    if (!terms) continue;
    // A pool that could hold every option on it at once cannot bind: no row needed.
    if (terms.reduce((s, [j, g]) => s + g * colUpper[j]!, 0) <= pool.capacity) continue;
    if (on(`pool:${p}`)) rows.push({ terms, lower: -Infinity, upper: pool.capacity });
  }
  const max = o.maxMoves;
  if (max !== null && moveTerms.reduce((s, [j]) => s + colUpper[j]!, 0) > max && on("moves"))
    rows.push({ terms: moveTerms, lower: -Infinity, upper: max });

  const nnz = rows.reduce((s, r) => s + r.terms.length, 0);
  const starts = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  rows.forEach((r, i) => {
    for (const [j, v] of r.terms) {
      indices[at] = j;
      values[at++] = v;
    }
    starts[i + 1] = at;
  });
  return {
    numCols: columns.length,
    numRows: rows.length,
    colCost: Float64Array.from(colCost),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    starts,
    indices,
    values,
    classes,
    columns,
    groups,
  };
}

/** Column values of a plan (per deployment, its chosen options), e.g. the heuristic's, as a start for the solver. */
export function columnValues(model: PlacementModel, allowed: AllowedPlacements, chosen: PlacementOption[][]): number[] {
  const at = new Map<string, number>();
  model.columns.forEach((c, j) =>
    at.set(
      c.kind === "count" ? `c${c.cls}/${c.option}` : `${c.kind}${c.deployment}/${c.kind === "option" ? c.option : ""}`,
      j,
    ),
  );
  const clsOf = new Map<number, number>();
  model.classes.forEach((c, ci) => c.members.forEach((di) => clsOf.set(di, ci)));
  const values = new Array<number>(model.numCols).fill(0);
  chosen.forEach((opts, di) => {
    for (const o of opts) {
      const option = allowed.options[di]!.indexOf(o);
      const own = at.get(`option${di}/${option}`);
      if (own !== undefined) values[own] = 1;
      else {
        values[at.get(`mover${di}/`)!] = 1;
        values[at.get(`c${clsOf.get(di)!}/${option}`)!]! += 1;
      }
    }
  });
  return values;
}

/** A solution's column values back to each deployment's options: a class's movers take its counts in member order. */
export function chosenOptions(
  model: PlacementModel,
  allowed: AllowedPlacements,
  colValue: ArrayLike<number>,
): PlacementOption[][] {
  const chosen: PlacementOption[][] = allowed.options.map(() => []);
  const movers: number[][] = model.classes.map(() => []);
  const clsOf = new Map<number, number>();
  model.classes.forEach((c, ci) => c.members.forEach((di) => clsOf.set(di, ci)));
  const set = (j: number) => Math.round(colValue[j] ?? 0);
  model.columns.forEach((c, j) => {
    if (c.kind === "option" && set(j) === 1) chosen[c.deployment]!.push(allowed.options[c.deployment]![c.option]!);
    if (c.kind === "mover" && set(j) === 1) movers[clsOf.get(c.deployment)!]!.push(c.deployment);
  });
  model.columns.forEach((c, j) => {
    if (c.kind !== "count") return;
    for (let n = set(j); n > 0; n--) {
      const di = movers[c.cls]!.shift();
      if (di === undefined) break;
      chosen[di]!.push(allowed.options[di]![c.option]!);
    }
  });
  return chosen;
}
