// Tern's REST route handler (/api/v1) on a real local HTTP port, on a test database, so the CLI can be run as a
// child process against it exactly as against a deployed Tern.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestDb } from "../../server/test/test-db";

type Handler = (req: Request) => Promise<Response>;

export async function startRestServer(db: TestDb): Promise<{ url: string; stop: () => Promise<void> }> {
  // The route handlers find the database through getPrisma(), which answers this one in tests.
  (globalThis as Record<symbol, unknown>)[Symbol.for("tern.prisma")] = db;
  const route = (await import("../../app/api/v1/[...path]/route")) as unknown as Record<string, Handler>;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const method = req.method ?? "GET";
      const { port } = server.address() as AddressInfo;
      const response = await route[method]!(
        new Request(`http://127.0.0.1:${port}${req.url}`, {
          method,
          headers,
          body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
        }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: String(e) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
