// Which images a simulated node can pull: the serving runtimes named in the fleet file. Anything else fails
// the way containerd reports a missing image, so ErrImagePull / ImagePullBackOff read like the real thing.

/** Splits "registry/repo:tag@digest" into repository (with docker.io/library defaults removed) and tag. */
export function parseImage(image: string): { repository: string; tag: string } {
  const noDigest = image.split("@")[0] ?? image;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  let repository = hasTag ? noDigest.slice(0, colon) : noDigest;
  repository = repository.replace(/^docker\.io\//, "").replace(/^library\//, "");
  return { repository, tag: hasTag ? noDigest.slice(colon + 1) : "latest" };
}

/** The fully qualified reference containerd prints ("docker.io/library/nginx:latest"). */
export function qualifiedImage(image: string): string {
  const { repository, tag } = parseImage(image);
  const first = repository.split("/")[0] ?? "";
  const hasRegistry = repository.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const repo = hasRegistry
    ? repository
    : repository.includes("/")
      ? `docker.io/${repository}`
      : `docker.io/library/${repository}`;
  return image.includes("@") ? `${repo}@${image.split("@")[1]}` : `${repo}:${tag}`;
}

export type ImageCheck = { ok: true; sizeBytes: number } | { ok: false; message: string };

export function checkImage(image: string, runtimes: readonly string[]): ImageCheck {
  const ref = qualifiedImage(image);
  const { repository } = parseImage(image);
  if (image.includes("doesnotexist")) {
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    };
  }
  const known = runtimes.map((r) => parseImage(r).repository);
  if (!known.includes(repository)) {
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found (simulated nodes can only run the serving runtimes ${known.join(", ")})`,
    };
  }
  // A stable, plausible size per image: serving runtime images are a few GB.
  let h = 0;
  for (const ch of ref) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { ok: true, sizeBytes: 2_000_000_000 + (h % 3_000_000_000) };
}

/** Simulated pull time: ~2 s plus 0.5 s per GB (a fast registry mirror next to the nodes). */
export const pullDurationMs = (sizeBytes: number) => 2_000 + Math.round((sizeBytes / 1e9) * 500);
