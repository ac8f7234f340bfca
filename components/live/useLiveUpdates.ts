"use client";
// Listens to /api/live and refetches deployment, cluster and migration queries when the server says something changed.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/client";

export function useLiveUpdates() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/live");
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Bursts of changes (a rollout) become one refetch per 150 ms.
    const onChange = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: trpc.deployment.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.cluster.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.overview.pathKey() });
      }, 150);
    };
    let migrationTimer: ReturnType<typeof setTimeout> | null = null;
    // A migration's state or step changed: its page, the lists and the approvals count refetch.
    const onMigration = () => {
      if (migrationTimer) return;
      migrationTimer = setTimeout(() => {
        migrationTimer = null;
        void qc.invalidateQueries({ queryKey: trpc.migration.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.approval.pathKey() });
      }, 150);
    };
    source.addEventListener("deployment", onChange);
    source.addEventListener("migration", onMigration);
    source.addEventListener("cluster", onChange);
    return () => {
      source.removeEventListener("deployment", onChange);
      source.removeEventListener("migration", onMigration);
      source.removeEventListener("cluster", onChange);
      if (migrationTimer) clearTimeout(migrationTimer);
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [qc, trpc]);
}
