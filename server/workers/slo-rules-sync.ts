// Keeps the Prometheus rule file of SLO alerts in step with the deployments: rewritten when a deployment or its SLO
// changes (and every minute as a safety net), then Prometheus is asked to reload (POST /-/reload).
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";
import { renderSloRules } from "../alerts/slo-rules";
import { errorMessage } from "../domain/error-message";
import { onDeploymentsChanged } from "../services/deployments/deployment-events";
import { listSloDeployments } from "../services/alerts/list-slo-deployments";

export const SLO_RULE_FILE = "tern-slo.yml";
const TICK_MS = 60_000;

export function startSloRulesSync(opts: {
  prisma: PrismaClient;
  rulesDir: string;
  /** The Prometheus that loads rulesDir; without one the file is only written. */
  prometheusUrl?: string;
  latencyForMinutes: number;
  log: (m: string) => void;
}) {
  const file = path.join(opts.rulesDir, SLO_RULE_FILE);
  let running: Promise<boolean> | null = null;
  let again = false;

  async function pass(): Promise<boolean> {
    const text = renderSloRules(await listSloDeployments({ prisma: opts.prisma }), {
      latencyForMinutes: opts.latencyForMinutes,
    });
    const current = await readFile(file, "utf8").catch(() => null);
    if (current === text) return false;
    await mkdir(opts.rulesDir, { recursive: true });
    // Prometheus may read while Tern writes: a rename swaps the whole file at once.
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
    if (opts.prometheusUrl) {
      const res = await fetch(`${opts.prometheusUrl.replace(/\/+$/, "")}/-/reload`, {
        method: "POST",
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) throw new Error(`Prometheus refused the new rules: ${(await res.text()).trim().slice(0, 300)}`);
    }
    return true;
  }

  function runOnce(): Promise<boolean> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((e: unknown) => {
        opts.log(`SLO alert rules not updated: ${errorMessage(e)}`);
        return false;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  const off = onDeploymentsChanged((c) => {
    if (c.reason === "spec") void runOnce();
  });
  const timer = setInterval(() => void runOnce(), TICK_MS);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    stop() {
      off();
      clearInterval(timer);
    },
  };
}
