// Next.js calls register() once per server process: the client-address stamp is installed, the change feed
// between replicas (PostgreSQL server only) and the background workers start here, outside requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installPeerStamp } = await import("./server/auth/install-peer-stamp");
  installPeerStamp();
  const { ensureChangeFeed } = await import("./server/services/changes/ensure-change-feed");
  ensureChangeFeed();
  const { startWorkers } = await import("./server/workers/start-workers");
  startWorkers();
}
