// Explains an infeasible placement in words from the filters alone: no allowed cluster, pooled capacity, forced moves.
import type { AllowedPlacements, RejectReason, Rejection } from "./allowed-placements";
import type { PlacementProblem } from "./placement-problem";

export interface Conflict {
  kind: "no-place" | "spread" | "capacity" | "moves" | "solver";
  deploymentIds: string[];
  message: string;
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)!}`);

export function reasonWords(problem: PlacementProblem, r: Rejection): string {
  const c = problem.clusters[r.cluster]!;
  const reason: RejectReason = r.reason;
  switch (reason.kind) {
    case "excluded":
      return `${c.name} is excluded`;
    case "pinned":
      return reason.to === "current"
        ? `it is pinned where it runs`
        : `it is pinned to ${problem.clusters.find((x) => x.id === reason.to)?.name ?? reason.to}`;
    case "residency":
      return `${c.name} is tagged ${reason.has.join(", ") || "with no residency"}`;
    case "latency":
      return `${c.name} p95 on ${r.gpuType} is ${reason.p95Ms} ms > SLO ${reason.sloMs} ms`;
    case "latency-unknown":
      return `${c.name} has no p95 data for ${r.gpuType} (allow unknown latency to consider it)`;
    case "equivalence":
      return `the equivalence table has no throughput for ${reason.gpuType} on ${c.name}`;
    case "capacity":
      return `${c.name} has ${reason.capacity} free ${reason.gpuType} (needs ${reason.needs})`;
  }
}

function noPlace(problem: PlacementProblem, allowed: AllowedPlacements, di: number): Conflict {
  const d = problem.deployments[di]!;
  const rejected = allowed.rejections[di]!;
  const pin = rejected.find((r) => r.reason.kind === "pinned");
  const parts: string[] = [];
  const residency = rejected.filter((r) => r.reason.kind === "residency");
  const rest = rejected.filter((r) => r.reason.kind !== "residency" && r.reason.kind !== "pinned");
  const zone = d.residency.length ? `${d.residency.join("/")} ` : "";
  if (pin) parts.push(reasonWords(problem, pin));
  if (residency.length) parts.push(`needs residency ${d.residency.join(" or ")}`);
  if (!rest.length) {
    if (residency.length) parts.push(`no cluster is tagged ${d.residency.join(" or ")}`);
    else if (!pin) parts.push("there are no clusters with GPUs");
  } else if (rest.every((r) => r.reason.kind === "capacity")) {
    const needs = [
      ...new Set(rest.map((r) => (r.reason.kind === "capacity" ? `${r.reason.needs} free ${r.reason.gpuType}` : ""))),
    ];
    parts.push(
      `no ${zone}cluster has ${needs.join(" or ")} (${list(rest.map((r) => reasonWords(problem, r).replace(/ \(needs \d+\)$/, "")))})`,
    );
  } else {
    parts.push(`no ${zone}cluster can take it: ${rest.map((r) => reasonWords(problem, r)).join("; ")}`);
  }
  return { kind: "no-place", deploymentIds: [d.id], message: `${d.name} ${parts.join("; ")}` };
}

/** Cheap explanations that need no solver; empty when none of them applies. */
export function explainInfeasible(problem: PlacementProblem, allowed: AllowedPlacements): Conflict[] {
  const out = unplaceable(problem, allowed);
  if (out.length) return out;
  out.push(...pooledCapacity(problem, allowed));
  if (out.length) return out;
  const moves = forcedMoves(problem, allowed);
  return moves ? [moves] : [];
}

/** Deployments with no allowed cluster, or too few clusters or clouds for their copies: checked before any solve. */
export function unplaceable(problem: PlacementProblem, allowed: AllowedPlacements): Conflict[] {
  const out: Conflict[] = [];
  allowed.options.forEach((opts, di) => {
    const d = problem.deployments[di]!;
    const k = allowed.copies[di]!;
    if (!opts.length) return out.push(noPlace(problem, allowed, di));
    if (k > 1) {
      const clusters = new Set(opts.map((o) => o.cluster));
      const clouds = new Set(opts.map((o) => problem.clusters[o.cluster]!.cloud));
      if (clusters.size < k || clouds.size < 2) {
        out.push({
          kind: "spread",
          deploymentIds: [d.id],
          message: `${d.name} needs ${k} copies in at least 2 clouds, but only ${list([...clusters].map((c) => problem.clusters[c]!.name))} (${list([...clouds])}) may take it`,
        });
      }
    }
  });
  return out;
}

/** Hall's condition on a few pool sets: deployments that can only use these pools need more GPUs than they hold. */
function pooledCapacity(problem: PlacementProblem, allowed: AllowedPlacements): Conflict[] {
  const sets = new Map<string, Set<number>>();
  const add = (pools: Iterable<number>) => {
    const s = new Set(pools);
    sets.set([...s].sort((a, b) => a - b).join(","), s);
  };
  for (const opts of allowed.options) add(opts.map((o) => o.pool));
  const byType = new Map<string, number[]>();
  allowed.pools.forEach((p, i) => byType.set(p.gpuType, [...(byType.get(p.gpuType) ?? []), i]));
  for (const pools of byType.values()) add(pools);
  const found: { demand: number; capacity: number; members: number[]; pools: Set<number> }[] = [];
  for (const pools of sets.values()) {
    const members: number[] = [];
    let demand = 0;
    allowed.options.forEach((opts, di) => {
      if (!opts.every((o) => pools.has(o.pool))) return;
      members.push(di);
      demand += Math.min(...opts.map((o) => o.gpus)) * allowed.copies[di]!;
    });
    const capacity = [...pools].reduce((s, p) => s + allowed.pools[p]!.capacity, 0);
    if (members.length && demand > capacity) found.push({ demand, capacity, members, pools });
  }
  found.sort((a, b) => a.members.length - b.members.length || a.pools.size - b.pools.size);
  return found.slice(0, 3).map((f) => {
    const names = f.members.map((di) => problem.deployments[di]!.name);
    const types = new Set([...f.pools].map((p) => allowed.pools[p]!.gpuType));
    const where = [...f.pools]
      .map((p) => allowed.pools[p]!)
      .map((p) =>
        types.size === 1 ? problem.clusters[p.cluster]!.name : `${p.gpuType} on ${problem.clusters[p.cluster]!.name}`,
      );
    const on = types.size === 1 ? `${[...types][0]!} on ${list(where)}` : list(where);
    return {
      kind: "capacity" as const,
      deploymentIds: f.members.map((di) => problem.deployments[di]!.id),
      message: `${list(names)} can only run on ${on} and need at least ${f.demand} GPUs there; only ${f.capacity} are free`,
    };
  });
}

function forcedMoves(problem: PlacementProblem, allowed: AllowedPlacements): Conflict | null {
  const limit = problem.options.maxMoves;
  if (limit === null) return null;
  const forced: { di: number; why: string }[] = [];
  allowed.options.forEach((opts, di) => {
    const stay = opts.filter((o) => o.isCurrent).length;
    const must = allowed.copies[di]! - stay;
    const d = problem.deployments[di]!;
    const why =
      allowed.rejections[di]!.filter(
        (r) =>
          d.currentClusterIds.includes(problem.clusters[r.cluster]!.id) &&
          (r.gpuType === null || r.gpuType === d.gpuType),
      ).map((r) => reasonWords(problem, r))[0] ??
      (d.currentClusterIds.length ? "it needs another copy" : "it is not placed yet");
    for (let i = 0; i < must; i++) forced.push({ di, why });
  });
  if (forced.length <= limit) return null;
  return {
    kind: "moves",
    deploymentIds: [...new Set(forced.map((f) => problem.deployments[f.di]!.id))],
    message: `${forced.length} moves are unavoidable (${forced.map((f) => `${problem.deployments[f.di]!.name}: ${f.why}`).join("; ")}) but the plan allows at most ${limit}; raise the limit`,
  };
}
