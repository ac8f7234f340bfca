// The new-migration form's schema: the server's request, with traffic steps typed as "10, 50, 100".
import { z } from "zod";
import { ZMigrationRequest, zTrafficSteps } from "@/server/validation/migration";

/** "10, 50 100" → [10, 50, 100]; anything that is not a number stays NaN so the step rules reject it. */
export function parseTrafficSteps(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((v) => Number(v.replace(/%$/, "")));
}

export const ZMigrationForm = ZMigrationRequest.extend({
  targetClusterId: z.string().min(1, "pick the cluster to move to"),
  targetGpuType: z.string().trim().max(32).optional(),
  trafficSteps: z
    .string()
    .transform((text, ctx) => {
      const steps = parseTrafficSteps(text);
      const bad = text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .find((_, i) => Number.isNaN(steps[i]));
      if (bad !== undefined)
        ctx.addIssue({
          code: "custom",
          message: `traffic steps are whole percentages such as 10, 50, 100 (got '${bad}')`,
        });
      return steps;
    })
    .pipe(zTrafficSteps),
});
