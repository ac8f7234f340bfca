// Turns selected recommended moves into migration requests, each through the Migrations approvals.
import { z } from "zod";
import { AppError } from "../../errors";
import { ZMigrationRequest } from "../../validation/migration";
import type { ZRequestMovesRequest } from "../../validation/recommendations";
import type { TeamScope } from "../context";
import { requestMigration } from "../migrations/request-migration";

export async function requestRecommendedMoves(
  opts: TeamScope & { email: string; input: z.output<typeof ZRequestMovesRequest> },
) {
  const results = [];
  // One at a time: each request plans, checks and records its own migration; one refusal does not stop the rest.
  for (const move of opts.input.moves) {
    try {
      const input = ZMigrationRequest.parse({
        ...move,
        reason: opts.input.reason ?? "recommended by the placement optimizer",
      });
      const r = await requestMigration({ ...opts, input, trigger: "RECOMMENDATION" });
      results.push({ deploymentId: move.deploymentId, ok: true, migrationId: r.id, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ deploymentId: move.deploymentId, ok: false, migrationId: null, error: e.message });
    }
  }
  return { results };
}
