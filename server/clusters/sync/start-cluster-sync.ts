// Runs one cluster's watch-driven status sync outside request handlers: list, watch, reconnect with backoff.
import { DriverError, type DriverErrorData } from "../driver";
import { backoffDelay, sleep } from "./backoff";
import { ClusterState } from "./cluster-state";
import { SyncEmitter } from "./sync-emitter";
import { runSession } from "./sync-session";
import type { ClusterSync, ClusterSyncOptions, SyncHealthStatus } from "./types";
import { logger } from "../../log";

/** A cluster that answers but refuses Tern is DEGRADED (fix RBAC or credentials); one that does not answer is UNREACHABLE. */
function healthFor(error: DriverErrorData): SyncHealthStatus {
  return error.kind === "unauthorized" || error.kind === "forbidden" ? "DEGRADED" : "UNREACHABLE";
}

export function startClusterSync(opts: ClusterSyncOptions): ClusterSync {
  const { clusterId } = opts;
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const logError =
    opts.onCallbackError ??
    ((error: unknown) => {
      // Only the message: a callback's error may carry the payload, and payloads stay out of logs.
      logger(`cluster sync ${clusterId}`).error("a callback failed", error);
    });
  const call = async <T>(cb: ((v: T) => void | Promise<void>) | undefined, value: T): Promise<void> => {
    try {
      await cb?.(value);
    } catch (error) {
      logError(error);
    }
  };

  const state = new ClusterState();
  const emitter = new SyncEmitter(state, opts, call);
  let reportedHealth = "";
  const report = async (health: SyncHealthStatus, error?: DriverErrorData) => {
    const key = `${health}|${error?.message ?? ""}`;
    if (key === reportedHealth) return;
    reportedHealth = key;
    await call(opts.onHealth, {
      clusterId,
      health,
      at: new Date(),
      ...(error ? { message: error.message, error } : {}),
    });
  };

  async function loop(): Promise<void> {
    let attempt = 0;
    let eventsListed = false;
    while (!signal.aborted) {
      let error: DriverErrorData | undefined;
      try {
        const driver = await opts.driverFactory();
        error = await runSession(
          driver,
          {
            replaced: (kind, items) => {
              // The first events list is history; events in later lists that were not seen before are news.
              emitter.note(state.replace(kind, items, kind === "events" && !eventsListed));
              if (kind === "events") eventsListed = true;
            },
            changed: (kind, change) => emitter.note(state.apply(kind, change)),
            listed: () => {
              attempt = 0;
              void report("HEALTHY");
            },
          },
          signal,
        );
      } catch (err) {
        if (!(err instanceof DriverError)) logError(err);
        error =
          err instanceof DriverError
            ? err.toJSON()
            : { kind: "unknown", message: "Tern could not load this cluster's connection settings" };
      }
      if (signal.aborted) break;
      if (error) await report(healthFor(error), error);
      await sleep(backoffDelay(attempt++, opts.backoff), signal);
    }
    await emitter.stop();
  }

  const done = loop();
  return {
    clusterId,
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
