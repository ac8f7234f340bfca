"use client";
// The signed-in user's current team and role, for hiding what the role may not do (the server refuses anyway).
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { roleAtLeast, type Role } from "@/server/domain/values";

export function useCurrentTeam() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.me.session.queryOptions());
  const role = data?.team?.role ?? null;
  return {
    team: data?.team ?? null,
    user: data?.user ?? null,
    can: (need: Role) => roleAtLeast(role, need),
  };
}
