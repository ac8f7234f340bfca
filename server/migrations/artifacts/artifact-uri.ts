// Artifact URIs of object stores: s3://<bucket>/<key> for every S3-compatible store, and the simulator's
// legacy sim://<cloud-id>/<key> (the simulator names each cloud's bucket after the cloud, so both name one object).
import type { ObjectStoreSettings } from "./store-settings";

export class ArtifactUriError extends Error {
  readonly code = "InvalidURI";
  constructor(
    readonly uri: string,
    reason: string,
  ) {
    super(`artifact URI "${uri}" ${reason}`);
    this.name = "ArtifactUriError";
  }
}

export interface ObjectLocation {
  bucket: string;
  key: string;
}

const URI = /^(s3|sim):\/\/([^/]+)\/(.+)$/;

export function parseArtifactUri(uri: string): ObjectLocation {
  const m = URI.exec(uri);
  if (!m)
    throw new ArtifactUriError(uri, "must look like s3://<bucket>/<key> (or sim://<cloud>/<key> in the simulator)");
  const key = m[3]!;
  if (key.split("/").some((s) => s === "" || s === "." || s === ".."))
    throw new ArtifactUriError(uri, "has an empty, '.' or '..' path segment");
  return { bucket: m[2]!, key };
}

/** The key of `uri` inside `store`; throws when the URI names another store's bucket. */
export function keyInStore(uri: string, store: ObjectStoreSettings): string {
  const loc = parseArtifactUri(uri);
  if (loc.bucket !== store.bucket)
    throw new ArtifactUriError(uri, `is in bucket ${loc.bucket}, not in this cloud's store (bucket ${store.bucket})`);
  return loc.key;
}

/** What a deployment on the target cloud loads: the object in the target's own bucket. */
export const artifactUriIn = (store: ObjectStoreSettings, key: string) => `s3://${store.bucket}/${key}`;
