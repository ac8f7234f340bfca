// Failover detection, one process at a time (lease): every tick it looks at each team's clusters and SLOs and
// proposes (or, where the team's policy allows, starts) migrations off what failed. Never runs in a request.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { errorMessage } from "../domain/error-message";
import { env } from "../env";
import { proposeFailovers } from "../services/failover/propose-failover";
import { settingsFromEnv, type PrometheusSettings } from "../services/metrics/resolve-prometheus";
import { acquireLease } from "../services/leases/lease";

const LEASE = "failover-detector";
const TICK_MS = 15_000;

export interface FailoverWorker {
  stop(): void;
  /** One pass over every team now (tests). */
  runOnce(): Promise<number>;
}

export function startFailoverWorker(opts: {
  prisma: PrismaClient;
  holder?: string;
  log?: (m: string) => void;
  tickMs?: number;
  leaseTtlMs?: number;
  prometheus?: PrometheusSettings | null;
  graceMs?: number;
}): FailoverWorker {
  const holder = opts.holder ?? `failover-${randomUUID()}`;
  const leaseTtlMs = opts.leaseTtlMs ?? env().TERN_LEASE_TTL_SECONDS * 1000;
  const log = opts.log ?? (() => {});
  let running: Promise<number> | null = null;

  async function pass(): Promise<number> {
    const lease = await acquireLease({ prisma: opts.prisma, name: LEASE, holder, ttlMs: leaseTtlMs });
    if (!lease) return 0;
    const settings = opts.prometheus === undefined ? settingsFromEnv() : opts.prometheus;
    const prometheus = settings?.defaultUrl || settings?.fetch ? settings : null;
    const teams = await opts.prisma.team.findMany({ select: { id: true } });
    let proposed = 0;
    for (const t of teams) {
      try {
        const outcomes = await proposeFailovers({
          prisma: opts.prisma,
          teamId: t.id,
          prometheus,
          ...(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {}),
        });
        for (const o of outcomes) {
          if (o.migrationId) proposed++;
          log(
            o.migrationId
              ? `failover: deployment ${o.deploymentId} (${o.cause}) → migration ${o.migrationId}${o.started ? " started by policy" : " waits for approval"}`
              : `failover: deployment ${o.deploymentId} (${o.cause}): ${o.error}`,
          );
        }
      } catch (e) {
        log(`failover pass for team ${t.id} failed: ${errorMessage(e)}`);
      }
    }
    return proposed;
  }

  function runOnce(): Promise<number> {
    running ??= pass()
      .catch((e: unknown) => {
        log(`failover pass failed: ${errorMessage(e)}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void runOnce(), opts.tickMs ?? TICK_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
    runOnce,
  };
}
