// Stand-in for app/api/live/route.ts outside Next.js (its handler needs a request scope for the session): the same
// team filter and SSE framing over node:http, and a client that reads the stream as a browser's EventSource would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { onDeploymentsChanged } from "../services/deployments/deployment-events.ts";

export interface LiveRelay {
  url: string;
  close(): Promise<void>;
}

export async function startLiveRelay(teamIds: Set<string>): Promise<LiveRelay> {
  const offs = new Set<() => void>();
  const server = http.createServer((req, res) => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    });
    const off = onDeploymentsChanged((c) => {
      if (teamIds.has(c.teamId))
        res.write(`event: deployment\ndata: ${JSON.stringify({ id: c.deploymentId, reason: c.reason })}\n\n`);
    });
    offs.add(off);
    req.on("close", () => {
      off();
      offs.delete(off);
    });
    res.write("retry: 2000\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/live`,
    close: () =>
      new Promise((resolve) => {
        for (const off of offs) off();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Calls `onDeployment(id)` for every `deployment` event; resolves once the stream is open. */
export function readLiveEvents(url: string, onDeployment: (id: string) => void): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          const data = block.find((l) => l.startsWith("data: "));
          if (block.includes("event: deployment") && data)
            onDeployment((JSON.parse(data.slice(6)) as { id: string }).id);
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}
