// A local HTTP server standing in for a team's webhook endpoint: it records every request (headers, body, when)
// and answers with the status codes a test queues, 200 once they run out.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

export interface WebhookReceiver {
  /** The endpoint to register, `http://127.0.0.1:<port>/hook`. */
  url: string;
  received: ReceivedHook[];
  /** Status codes for the next requests, one each, in order. */
  answers: number[];
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    answers,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
