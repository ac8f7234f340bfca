// S3's XML error bodies, which @aws-sdk/client-s3 turns into errors named by Code with Message as text.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

const escape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface S3ErrorBody {
  code: string;
  message: string;
  resource?: string;
  extra?: Record<string, string>;
}

export function sendS3Error(res: ServerResponse, status: number, e: S3ErrorBody, head = false): void {
  if (res.headersSent) return void res.destroy();
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const fields = { ...(e.resource ? { Resource: e.resource } : {}), ...e.extra, RequestId: requestId };
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escape(e.code)}</Code><Message>${escape(e.message)}</Message>` +
    Object.entries(fields)
      .map(([k, v]) => `<${k}>${escape(v)}</${k}>`)
      .join("") +
    "</Error>";
  // HEAD answers carry no body; the SDK then names the error after the status (NotFound, Forbidden, …).
  res.writeHead(status, {
    "content-type": "application/xml",
    "x-amz-request-id": requestId,
    ...(head ? {} : { "content-length": Buffer.byteLength(xml) }),
    // A request whose body we will not read must not keep the connection (the body would be parsed as a request).
    ...(status >= 400 ? { connection: "close" } : {}),
  });
  res.end(head ? undefined : xml);
}
