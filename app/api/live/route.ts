// Server-sent events: tells a signed-in browser when its teams' deployments, migrations or cluster health change
// (made through this replica or, on a PostgreSQL server, any other), so pages refetch at once.
import { getSessionUser } from "@/server/services/auth/get-session-user";
import { listMyTeams } from "@/server/services/members/list-my-teams";
import { onDeploymentsChanged } from "@/server/services/deployments/deployment-events";
import { onMigrationsChanged } from "@/server/services/migrations/migration-events";
import { onClustersChanged } from "@/server/services/clusters/cluster-events";
import { getPrisma } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await getSessionUser(req.headers);
  if (!user) return new Response("sign in to continue", { status: 401 });
  const teamIds = new Set((await listMyTeams({ prisma: getPrisma(), userId: user.id })).map((t) => t.id));
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send("retry: 2000\n\n");
      const off = onDeploymentsChanged((c) => {
        if (teamIds.has(c.teamId))
          send(`event: deployment\ndata: ${JSON.stringify({ id: c.deploymentId, reason: c.reason })}\n\n`);
      });
      const offMigrations = onMigrationsChanged((c) => {
        if (teamIds.has(c.teamId))
          send(`event: migration\ndata: ${JSON.stringify({ id: c.migrationId, reason: c.reason })}\n\n`);
      });
      const offClusters = onClustersChanged((c) => {
        if (teamIds.has(c.teamId)) send(`event: cluster\ndata: ${JSON.stringify({ id: c.clusterId })}\n\n`);
      });
      const ping = setInterval(() => send(": ping\n\n"), 15_000);
      stop = () => {
        off();
        offMigrations();
        offClusters();
        clearInterval(ping);
      };
      req.signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    },
  });
}
