// Where a version's artifact lives in another cloud's object store: the same key under the target bucket.
export interface StoreLocation {
  bucket: string;
}

/** The key of an artifact URI (scheme://bucket-or-cloud/key → key). */
export function artifactKey(uri: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/(.+)$/i.exec(uri);
  if (!m?.[1]) throw new TypeError(`artifact URI '${uri}' has no object key (expected scheme://bucket/key)`);
  return m[1];
}

export function targetArtifactUri(sourceUri: string, target: StoreLocation): string {
  return `s3://${target.bucket}/${artifactKey(sourceUri)}`;
}
