// Placeholder wiring replaced below once the cluster sync lands.
import type { PrismaClient } from "../generated/prisma/client";

export function startStatusSync(_opts: { prisma: PrismaClient; log: (m: string) => void }) {
  return { stop() {} };
}
