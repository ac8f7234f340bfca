"use client";
// The signed-in user's current team and role, for hiding what the role may not do (the server refuses anyway).
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

const LADDER = ["VIEWER", "OPERATOR", "APPROVER", "ADMIN"] as const;
type Role = (typeof LADDER)[number];

export function useCurrentTeam() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.me.session.queryOptions());
  const role = data?.team?.role ?? null;
  return {
    team: data?.team ?? null,
    user: data?.user ?? null,
    can: (need: Role) => role !== null && LADDER.indexOf(role) >= LADDER.indexOf(need),
  };
}
