// Remembers the signed-in user's language.
import type { PrismaClient } from "../../generated/prisma/client";

export async function setLocale(opts: { prisma: PrismaClient; userId: string; locale: string }) {
  await opts.prisma.user.update({ where: { id: opts.userId }, data: { locale: opts.locale }, select: { id: true } });
  return { locale: opts.locale };
}
