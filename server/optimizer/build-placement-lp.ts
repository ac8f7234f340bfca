// Writes the placement 0-1 program in CPLEX LP text for HiGHS: one binary per allowed (deployment, cluster, GPU type).
import { drain, type AllowedPlacements, type PlacementOption } from "./allowed-placements";
import type { PlacementProblem } from "./placement-problem";

/** Constraint groups, by id: `place:<d>`, `pool:<p>`, `spread:<d>`, `moves`; the infeasibility search switches them off. */
export interface PlacementLp {
  text: string;
  /** Column name → option. */
  columns: Map<string, PlacementOption>;
  /** Option → column name (the heuristic's start is given to HiGHS by name). */
  names: Map<PlacementOption, string>;
  groups: string[];
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(6));

function sum(terms: [number, string][]): string {
  return drain(sumSteps(terms));
}

/** A linear expression's text; long ones (the objective has a term per column) yield every few hundred terms. */
function* sumSteps(terms: [number, string][]): Generator<void, string> {
  if (!terms.length) return "0 __zero";
  const parts: string[] = [];
  for (const [i, [coef, name]] of terms.entries()) {
    if (i % 500 === 499) yield;
    const sign = coef < 0 ? "-" : i === 0 ? "" : "+";
    const abs = Math.abs(coef);
    parts.push(`${sign}${sign ? " " : ""}${abs === 1 ? "" : `${num(abs)} `}${name}`);
  }
  // Short lines: the LP reader is happier, and the text stays diffable.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(" "));
  return lines.join("\n   ");
}

export function buildPlacementLp(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  disabled: ReadonlySet<string> = new Set(),
): PlacementLp {
  return drain(placementLpSteps(problem, allowed, disabled));
}

/** The LP text, yielding every few deployments (see drainYielding). */
export function* placementLpSteps(
  problem: PlacementProblem,
  allowed: AllowedPlacements,
  disabled: ReadonlySet<string> = new Set(),
): Generator<void, PlacementLp> {
  const columns = new Map<string, PlacementOption>();
  const names = new Map<PlacementOption, string>();
  const byPool = new Map<number, [number, string][]>();
  const moveTerms: [number, string][] = [];
  const objective: [number, string][] = [];
  const rows: string[] = [];
  const groups: string[] = [];
  const on = (group: string) => {
    groups.push(group);
    return !disabled.has(group);
  };

  for (const [di, opts] of allowed.options.entries()) {
    yield;
    const mine = opts.map((o) => {
      const name = `x_${di}_${o.cluster}_${o.pool}`;
      columns.set(name, o);
      names.set(o, name);
      objective.push([o.objective, name]);
      if (!byPool.has(o.pool)) byPool.set(o.pool, []);
      byPool.get(o.pool)!.push([o.gpus, name]);
      if (!o.isCurrent) moveTerms.push([1, name]);
      return name;
    });
    const k = allowed.copies[di]!;
    if (on(`place:${di}`)) rows.push(` place_${di}: ${sum(mine.map((n) => [1, n]))} = ${k}`);
    if (k > 1 && on(`spread:${di}`)) {
      // One copy per cluster, and no cloud holds all k copies (so at least 2 clouds).
      const perCluster = new Map<number, string[]>();
      const perCloud = new Map<string, string[]>();
      opts.forEach((o, i) => {
        perCluster.set(o.cluster, [...(perCluster.get(o.cluster) ?? []), mine[i]!]);
        const cloud = problem.clusters[o.cluster]!.cloud;
        perCloud.set(cloud, [...(perCloud.get(cloud) ?? []), mine[i]!]);
      });
      for (const [ci, ns] of perCluster)
        if (ns.length > 1) rows.push(` one_${di}_${ci}: ${sum(ns.map((n) => [1, n]))} <= 1`);
      let g = 0;
      for (const ns of perCloud.values())
        if (ns.length >= k) rows.push(` cloud_${di}_${g++}: ${sum(ns.map((n) => [1, n]))} <= ${k - 1}`);
    }
  }
  for (const [p, pool] of allowed.pools.entries()) {
    const terms = byPool.get(p);
    if (!terms) continue;
    // A pool that could hold every option on it at once cannot bind: no row needed.
    if (terms.reduce((s, [g]) => s + g, 0) <= pool.capacity) continue;
    if (on(`pool:${p}`)) rows.push(` pool_${p}: ${yield* sumSteps(terms)} <= ${pool.capacity}`);
  }
  const max = problem.options.maxMoves;
  if (max !== null && moveTerms.length > max && on("moves"))
    rows.push(` moves: ${yield* sumSteps(moveTerms)} <= ${max}`);

  const cost = yield* sumSteps(objective);
  yield;
  const binaries = [...columns.keys()];
  const text = [
    "Minimize",
    ` cost: ${cost}`,
    "Subject To",
    ...(rows.length ? rows : [` empty: ${binaries.length ? `${binaries[0]} >= 0` : "__zero >= 0"}`]),
    "Binary",
    ...(binaries.length ? chunk(binaries) : ["__zero"]),
    "End",
    "",
  ].join("\n");
  return { text, columns, names, groups };
}

function chunk(names: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(" ")}`);
  return lines;
}
