// Caps a request body before anything parses it: a declared Content-Length over the cap is refused at once,
// and a chunked body is read only up to the cap. Over it: 413 with a message that says the limit.
export const MIB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1 * MIB;

/** tRPC procedures that take more than the default (their own zod limits stay the real bound). */
const PROCEDURE_LIMITS: Record<string, number> = {
  // The CSV itself may be 2 MiB (ZImportGpuPricesRequest), plus JSON escaping.
  "gpuPrice.importCsv": 3 * MIB,
};

/** The cap for a tRPC URL (/api/trpc/a.b,c.d?batch=1): the largest of its procedures' limits. */
export function trpcBodyLimit(url: string): number {
  const paths = decodeURIComponent(new URL(url).pathname.replace(/^.*\/api\/trpc\/?/, "")).split(",");
  return Math.max(DEFAULT_BODY_LIMIT, ...paths.map((p) => PROCEDURE_LIMITS[p] ?? DEFAULT_BODY_LIMIT));
}

const mib = (n: number) => `${Math.round((n / MIB) * 10) / 10} MiB`;

export function tooLarge(maxBytes: number): Response {
  return Response.json(
    {
      error: {
        message: `the request body is larger than ${mib(maxBytes)}, the most Tern accepts here; send less (split a file, or import fewer rows at once)`,
        code: "PAYLOAD_TOO_LARGE",
      },
    },
    { status: 413 },
  );
}

/** The same request with its body read into memory (at most `maxBytes`), or the 413 answer. */
export async function limitRequestBody(
  req: Request,
  maxBytes: number,
): Promise<{ ok: true; req: Request } | { ok: false; response: Response }> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return { ok: true, req };
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body.cancel().catch(() => undefined);
    return { ok: false, response: tooLarge(maxBytes) };
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  return {
    ok: true,
    req: new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal }),
  };
}
