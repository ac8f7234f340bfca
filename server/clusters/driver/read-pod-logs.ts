// The tail of one container's output through the API server's pods/log (CoreV1Api.readNamespacedPodLog), bounded in lines and bytes.
import { ApiException } from "@kubernetes/client-node";
import { DriverError } from "./driver-error";
import type { KubeClients } from "./kube-client";
import type { PodLogOptions, PodLogs } from "./types";

/** At most this many lines and bytes per read, whatever the caller asks: a log view, not a log archive. */
export const POD_LOG_LIMITS = { maxTailLines: 5_000, defaultTailLines: 200, maxBytes: 1024 * 1024 };

export function readPodLogs(
  k: KubeClients,
  namespace: string,
  pod: string,
  opts: PodLogOptions = {},
): Promise<PodLogs> {
  const tailLines = Math.min(
    Math.max(0, Math.floor(opts.tailLines ?? POD_LOG_LIMITS.defaultTailLines)),
    POD_LOG_LIMITS.maxTailLines,
  );
  const limitBytes = Math.min(opts.limitBytes ?? POD_LOG_LIMITS.maxBytes, POD_LOG_LIMITS.maxBytes);
  return k.call({ verb: "get", resource: "pod", name: pod, namespace }, async () => {
    const text = await k.core
      .readNamespacedPodLog(
        {
          name: pod,
          namespace,
          tailLines,
          limitBytes,
          ...(opts.container ? { container: opts.container } : {}),
          ...(opts.sinceSeconds ? { sinceSeconds: Math.max(1, Math.floor(opts.sinceSeconds)) } : {}),
          ...(opts.timestamps ? { timestamps: true } : {}),
          ...(opts.previous ? { previous: true } : {}),
        },
        k.options(),
      )
      .catch((err: unknown) => {
        throw podLogRefusal(err, pod, namespace, opts.container) ?? err;
      });
    // A log cut at limitBytes may end mid-line (even mid-character); say so rather than show half a line as whole.
    const truncated = Buffer.byteLength(text) >= limitBytes;
    const lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
    return { lines, truncated };
  });
}

/**
 * The 400s pods/log answers for a container that cannot show output (not started, no previous instance, which
 * container?), recognised by the API server's wording and said again in Tern's: a remote message is never passed on.
 */
function podLogRefusal(
  err: unknown,
  pod: string,
  namespace: string,
  container: string | undefined,
): DriverError | undefined {
  if (!(err instanceof ApiException) || err.code !== 400) return undefined;
  let message = "";
  try {
    const body: unknown = typeof err.body === "string" ? JSON.parse(err.body) : err.body;
    if (body && typeof body === "object" && "message" in body && typeof body.message === "string")
      message = body.message;
  } catch {
    return undefined;
  }
  const where = `pod ${pod} in namespace ${namespace}`;
  const which = container ? `container ${container} of ${where}` : `the container of ${where}`;
  const data = { status: 400, reason: "BadRequest" };
  const waiting = /is waiting to start: ([A-Za-z]+)\s*$/.exec(message);
  if (waiting)
    return new DriverError({
      ...data,
      kind: "invalid",
      message: `${which} has not started yet (${waiting[1]}); its output appears once it runs`,
    });
  if (/^previous terminated container .* not found$/.test(message))
    return new DriverError({
      ...data,
      kind: "invalid",
      message: `${which} has no previous (terminated) instance; read the current one instead`,
    });
  if (/^a container name must be specified for pod /.test(message))
    return new DriverError({ ...data, kind: "invalid", message: `${where} has several containers; choose one` });
  if (/ is not valid for pod /.test(message))
    return new DriverError({ ...data, kind: "not_found", message: `${which} does not exist` });
  if (/does not have a host assigned$/.test(message))
    return new DriverError({
      ...data,
      kind: "invalid",
      message: `${where} is not scheduled to a node yet, so it has no output`,
    });
  return undefined;
}
