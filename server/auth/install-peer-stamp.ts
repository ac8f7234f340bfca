// Stamps every incoming HTTP request with its socket address (see client-address.ts). Installed once per
// server process from instrumentation.ts, before Next.js handles requests; it overwrites any client value.
import http from "node:http";
import https from "node:https";
import { PEER_HEADER, peerStamp } from "./client-address";

const KEY = Symbol.for("tern.peerStampInstalled");
type Store = typeof globalThis & { [KEY]?: boolean };

export function installPeerStamp(): void {
  const store = globalThis as Store;
  if (store[KEY]) return;
  store[KEY] = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  }[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "upgrade") {
        const req = args[0] as http.IncomingMessage | undefined;
        if (req?.headers) req.headers[PEER_HEADER] = peerStamp(req.socket?.remoteAddress);
      }
      return emit.call(this, event, ...args);
    };
  }
}
