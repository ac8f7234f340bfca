// An image pull as kubelet reports it: Pulling/Pulled events (or "already present"), and for an image the node
// cannot get, Failed + ErrImagePull, then BackOff + ImagePullBackOff and a retry after kubelet's back-off.
import type { RecordedEvent } from "./events";
import { checkImage, pullDurationMs, qualifiedImage } from "./image-policy";
import { nextBackoff, type NodeFacts } from "./kubelet-context";
import { goDuration } from "./sim-clock";

export interface PullRequest {
  image: string;
  node: NodeFacts;
  runtimes: readonly string[];
  /** The pod's current image back-off (simulated ms; 0 before the first failure). */
  backoff: number;
  event(e: RecordedEvent): void;
  after(simMs: number, fn: () => void): void;
  /** The container waits with this reason; `backoff` is the pod's next image back-off. */
  waiting(reason: "ErrImagePull" | "ImagePullBackOff", message: string, backoff: number): void;
  pulled(imageID: string): void;
  retry(): void;
}

/** A stable fake digest per image reference, so imageID reads like containerd's. */
function digestOf(ref: string): string {
  let h = 0n;
  for (const ch of ref) h = (h * 131n + BigInt(ch.charCodeAt(0))) % (1n << 256n);
  return h.toString(16).padStart(64, "0").slice(-64);
}

export function pullImage(r: PullRequest): void {
  const ref = qualifiedImage(r.image);
  const imageID = `${ref.replace(/:[^:/@]+$/, "")}@sha256:${digestOf(ref)}`;
  if (r.node.images.has(ref)) {
    r.event({ type: "Normal", reason: "Pulled", message: `Container image "${r.image}" already present on machine` });
    return r.pulled(imageID);
  }
  const check = checkImage(r.image, r.runtimes);
  r.event({ type: "Normal", reason: "Pulling", message: `Pulling image "${r.image}"` });
  const took = check.ok ? pullDurationMs(check.sizeBytes) : 1_200;
  r.after(took, () => {
    if (check.ok) {
      r.node.images.add(ref);
      const d = goDuration(took);
      r.event({
        type: "Normal",
        reason: "Pulled",
        message: `Successfully pulled image "${r.image}" in ${d} (${d} including waiting). Image size: ${check.sizeBytes} bytes.`,
      });
      return r.pulled(imageID);
    }
    const backoff = nextBackoff(r.backoff);
    r.event({ type: "Warning", reason: "Failed", message: `Failed to pull image "${r.image}": ${check.message}` });
    r.event({ type: "Warning", reason: "Failed", message: "Error: ErrImagePull" });
    r.waiting("ErrImagePull", check.message, backoff);
    r.after(1_000, () => {
      r.event({ type: "Normal", reason: "BackOff", message: `Back-off pulling image "${r.image}"` });
      r.event({ type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff" });
      r.waiting("ImagePullBackOff", `Back-off pulling image "${r.image}": ErrImagePull: ${check.message}`, backoff);
      r.after(backoff, () => r.retry());
    });
  });
}
