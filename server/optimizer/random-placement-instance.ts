// Seeded random placement instances for the tests and the bench: a fleet that fits where it runs now, with tight spare capacity.
import { DEFAULT_GPU_THROUGHPUT } from "../migrations/plan/gpu-equivalence";
import {
  DEFAULT_PLACEMENT_OPTIONS,
  type PlacementCluster,
  type PlacementDeployment,
  type PlacementProblem,
} from "./placement-problem";

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  { gpuType: "A100", price: 2.5 },
  { gpuType: "H100", price: 4.2 },
  { gpuType: "L4", price: 0.8 },
  { gpuType: "A10G", price: 1.1 },
];
const CLOUDS = ["aws", "gcp", "azure", "aliyun"];
const ZONES = ["us", "eu", "cn"];

export interface InstanceShape {
  deployments: number;
  clusters: number;
  seed: number;
  /** Spare GPUs as a share of what runs (0.1: 10 % more capacity than the fleet uses now). */
  spare?: number;
  /** Share of deployments that ask for 2 copies in 2 clouds. */
  redundant?: number;
}

export function randomPlacementInstance(shape: InstanceShape): PlacementProblem {
  const rnd = seededRandom(shape.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const clusters: PlacementCluster[] = Array.from({ length: shape.clusters }, (_, i) => {
    const types = [...TYPES].sort(() => rnd() - 0.5).slice(0, 1 + Math.floor(rnd() * 2));
    return {
      id: `c${i}`,
      name: `cluster-${i}`,
      cloud: CLOUDS[i % CLOUDS.length]!,
      residency: [ZONES[i % ZONES.length]!],
      currency: "USD",
      egressPerGb: 0.05 + rnd() * 0.07,
      gpus: types.map((t) => ({
        gpuType: t.gpuType,
        free: 0,
        pricePerGpuHour: +(t.price * (0.7 + rnd() * 0.6)).toFixed(3),
        p95Ms: rnd() < 0.1 ? null : Math.round(80 + rnd() * 220),
      })),
    };
  });
  const held = new Map<string, number>();
  const deployments: PlacementDeployment[] = [];
  for (let i = 0; i < shape.deployments; i++) {
    const copies = rnd() < (shape.redundant ?? 0) ? 2 : 1;
    const slo = rnd() < 0.5 ? Math.round(150 + rnd() * 200) : null;
    const residency = rnd() < 0.2 ? [pick(ZONES)] : [];
    // Where it runs now satisfies its own residency and SLO, so the instance is feasible without moves.
    const fits = clusters.flatMap((c) =>
      c.gpus
        .filter(
          (g) =>
            (!residency.length || c.residency.includes(residency[0]!)) &&
            (slo === null || (g.p95Ms !== null && g.p95Ms <= slo)),
        )
        .map((g) => ({ c, g })),
    );
    const here = fits.length ? [...fits].sort(() => rnd() - 0.5) : [];
    const chosen: typeof here = [];
    for (const f of here) {
      if (chosen.length === copies) break;
      if (chosen.some((x) => x.c.id === f.c.id || x.g.gpuType !== f.g.gpuType)) continue;
      if (copies > 1 && chosen.length === 1 && chosen[0]!.c.cloud === f.c.cloud) continue;
      chosen.push(f);
    }
    const gpuType = chosen[0]?.g.gpuType ?? pick(TYPES).gpuType;
    const d: PlacementDeployment = {
      id: `d${i}`,
      name: `model-${i}`,
      gpuType,
      gpusPerReplica: pick([1, 1, 1, 2, 4]),
      replicas: 1 + Math.floor(rnd() * 3),
      currentClusterIds: chosen.length === copies ? chosen.map((x) => x.c.id) : [],
      sloP95Ms: chosen.length === copies ? slo : null,
      residency: chosen.length === copies ? residency : [],
      artifactGb: Math.round(5 + rnd() * 60),
      ...(copies > 1 && chosen.length === copies ? { copies } : {}),
    };
    for (const id of d.currentClusterIds)
      held.set(`${id}/${gpuType}`, (held.get(`${id}/${gpuType}`) ?? 0) + d.replicas * d.gpusPerReplica);
    deployments.push(d);
  }
  // New (unplaced) deployments also need room: spare is spread over every pool at random.
  const unplaced = deployments
    .filter((d) => !d.currentClusterIds.length)
    .reduce((s, d) => s + d.replicas * d.gpusPerReplica, 0);
  const total = [...held.values()].reduce((s, v) => s + v, 0);
  const spare = Math.ceil(total * (shape.spare ?? 0.1)) + unplaced * 2;
  const pools = clusters.flatMap((c) => c.gpus);
  for (let i = 0; i < spare; i++) pick(pools).free += 1;
  const equivalence: Record<string, number> = {};
  for (const t of TYPES) equivalence[t.gpuType] = DEFAULT_GPU_THROUGHPUT[t.gpuType]!;
  return { deployments, clusters, options: { ...DEFAULT_PLACEMENT_OPTIONS, currency: "USD", equivalence } };
}
