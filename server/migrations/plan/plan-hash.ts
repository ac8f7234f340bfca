// The plan's identity: sha256 of its RFC 8785 canonical JSON, so approvals bind to exactly what was shown.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { MigrationPlan } from "../../validation/migration";

export function planHash(plan: MigrationPlan): string {
  const text = canonicalize(plan);
  if (text === undefined) throw new TypeError("the plan cannot be canonicalized");
  return createHash("sha256").update(text).digest("hex");
}
