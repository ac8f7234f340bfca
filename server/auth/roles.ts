// The role ladder: each role can do everything the roles below it can.
import type { Role } from "../generated/prisma/enums";

export const ROLES = ["VIEWER", "OPERATOR", "APPROVER", "ADMIN"] as const satisfies readonly Role[];

export function roleAtLeast(have: Role | null | undefined, need: Role): boolean {
  if (!have) return false;
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}
