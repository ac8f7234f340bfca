// The confirmed-action steps: order on success, and a failure that is shown, closes and refreshes nothing.
import { describe, expect, it } from "vitest";
import { runConfirmed, type ConfirmedSteps } from "./run-confirmed";

function steps<D>(mutate: () => Promise<D>, log: string[]): ConfirmedSteps<D> {
  return {
    mutate: async () => {
      log.push("mutate");
      return mutate();
    },
    invalidate: () => {
      log.push("invalidate");
      return Promise.resolve();
    },
    successMessage: (d) => `done ${String(d)}`,
    errorMessage: (e) => (e instanceof Error ? e.message : "?"),
    notify: { success: (m) => log.push(`success: ${m}`), error: (m) => log.push(`error: ${m}`) },
    close: () => log.push("close"),
    after: (d) => {
      log.push(`after ${String(d)}`);
    },
  };
}

describe("runConfirmed", () => {
  it("runs the action, tells the user, closes, refreshes, then runs what follows", async () => {
    const log: string[] = [];
    const outcome = await runConfirmed(steps(() => Promise.resolve(7), log));
    expect(outcome).toEqual({ ok: true, data: 7 });
    expect(log).toEqual(["mutate", "success: done 7", "close", "invalidate", "after 7"]);
  });

  it("shows a refused action's message, closes, and neither refreshes nor continues", async () => {
    const log: string[] = [];
    const refused = new Error("cloud 'aws-1' still has 2 clusters; delete them first");
    const outcome = await runConfirmed(steps(() => Promise.reject(refused), log));
    expect(outcome).toEqual({ ok: false, error: refused });
    expect(log).toEqual(["mutate", `error: ${refused.message}`, "close"]);
  });

  it("refreshes after a refusal when asked, so a stale page shows what changed", async () => {
    const log: string[] = [];
    const refused = new Error("the plan changed since you opened it; review it again");
    const outcome = await runConfirmed({ ...steps(() => Promise.reject(refused), log), refreshOnError: true });
    expect(outcome.ok).toBe(false);
    expect(log).toEqual(["mutate", `error: ${refused.message}`, "close", "invalidate"]);
  });
});
